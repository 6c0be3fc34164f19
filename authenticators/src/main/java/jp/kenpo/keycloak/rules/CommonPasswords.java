package jp.kenpo.keycloak.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The common-password list shipped in the jar ({@value #FILE_NAME}: lower-case, one a line), read from the
 * jar once, when first needed. Nothing is written anywhere: the policy {@code kenpoCommonPasswords} checks
 * against it in memory, so Keycloak's folders stay as the union installed them.
 */
public final class CommonPasswords {

    public static final String FILE_NAME = "kenpo-common-passwords.txt";

    private CommonPasswords() {
    }

    /** Whether the password is on the list, ignoring case (as Keycloak's own denylist policy does). */
    public static boolean contains(String password) {
        return password != null && Loaded.WORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    static int size() {
        return Loaded.WORDS.size();
    }

    /** Loaded on first use (class initialisation is lazy and thread-safe). */
    private static final class Loaded {
        static final Set<String> WORDS = load();

        private static Set<String> load() {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(FILE_NAME)) {
                if (in == null) {
                    throw new IllegalStateException(FILE_NAME + " is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .map(l -> l.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
