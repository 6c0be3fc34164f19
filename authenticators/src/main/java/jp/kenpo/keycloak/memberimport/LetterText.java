package jp.kenpo.keycloak.memberimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

/** The letters' texts (PDF and CSV), from {@code letter-messages.properties}, in the union's wording. */
final class LetterText {

    private static final Properties TEXT = load();

    private LetterText() {
    }

    static String get(String key) {
        String value = TEXT.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("No letter text " + key);
        }
        return value;
    }

    static String format(String key, Object... params) {
        return MessageFormat.format(get(key), params);
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = LetterText.class.getResourceAsStream("letter-messages.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
