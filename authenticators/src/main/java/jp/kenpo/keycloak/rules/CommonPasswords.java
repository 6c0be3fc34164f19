package jp.kenpo.keycloak.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.jboss.logging.Logger;

/**
 * The common-password list shipped in the jar ({@value #FILE_NAME}), for Keycloak's own
 * {@code passwordBlacklist} policy. Keycloak reads such lists from a folder, not from providers, so
 * the list is copied there at start-up, before realms are imported (the folder of
 * {@code keycloak.password.blacklists.path}, or {@code data/password-blacklists}); a union that configured another folder with
 * {@code --spi-password-policy-password-blacklist-blacklists-path} copies the file there itself.
 */
public final class CommonPasswords {

    public static final String FILE_NAME = "kenpo-common-passwords.txt";

    private static final Logger LOG = Logger.getLogger(CommonPasswords.class);

    private CommonPasswords() {
    }

    static void install() {
        Path folder = folder();
        if (folder == null) {
            LOG.warn("No Keycloak data folder known; the common-password list was not installed");
            return;
        }
        try (InputStream in = CommonPasswords.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new IllegalStateException(FILE_NAME + " is missing from the jar");
            }
            byte[] list = in.readAllBytes();
            Path target = folder.resolve(FILE_NAME);
            if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), list)) {
                return;
            }
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, FILE_NAME, ".tmp");
            Files.write(temp, list);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("Installed the common-password list %s", target);
        } catch (IOException e) {
            LOG.warnf("Could not install the common-password list in %s: %s", folder, e.getMessage());
        }
    }

    static Path folder() {
        String configured = System.getProperty("keycloak.password.blacklists.path");
        if (configured != null) {
            return Path.of(configured);
        }
        String dataDir = System.getProperty("jboss.server.data.dir");
        if (dataDir != null) {
            return Path.of(dataDir, "password-blacklists");
        }
        // The Quarkus distribution keeps its data under kc.home.dir (set by kc.sh).
        String home = System.getProperty("kc.home.dir");
        return home == null ? null : Path.of(home, "data", "password-blacklists");
    }
}
