package jp.kenpo.keycloak.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** A text file of the pack beside a class, read as UTF-8 (Java reads .properties as ISO-8859-1 otherwise). */
public final class Bundle {

    private Bundle() {
    }

    /** The file's entries; none when there is no such file. */
    public static Properties load(Class<?> beside, String name) {
        Properties properties = new Properties();
        try (InputStream in = beside.getResourceAsStream(name)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
