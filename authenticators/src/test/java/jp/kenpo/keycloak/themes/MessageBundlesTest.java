package jp.kenpo.keycloak.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The login and email themes' message bundles, as Keycloak reads them: every text in both languages,
 * and no apostrophe that {@link java.text.MessageFormat} (which Keycloak formats every message with)
 * would swallow — "the union's letter" must be written {@code the union''s letter}.
 */
class MessageBundlesTest {

    private static final Path THEME = Path.of("../themes/kenpo");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @ParameterizedTest
    @ValueSource(strings = {"login", "email"})
    void everyTextIsInBothLanguages(String type) throws IOException {
        Properties ja = load(type, "ja");
        Properties en = load(type, "en");
        assertTrue(ja.size() > 10, "bundle read: " + type);
        assertEquals(new TreeSet<>(ja.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "email"})
    void noApostropheIsSwallowedByMessageFormat(String type) throws IOException {
        Set<String> swallowed = new TreeSet<>();
        for (String language : List.of("ja", "en")) {
            Properties bundle = load(type, language);
            for (String key : bundle.stringPropertyNames()) {
                if (LONE_APOSTROPHE.matcher(bundle.getProperty(key)).find()) {
                    swallowed.add(language + ":" + key);
                }
            }
        }
        assertEquals(Set.of(), swallowed, "write '' for an apostrophe");
    }

    private static Properties load(String type, String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(THEME.resolve(type).resolve("messages/messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
