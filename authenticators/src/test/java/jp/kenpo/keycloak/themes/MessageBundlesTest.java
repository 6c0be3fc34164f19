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
 * The message bundles, as Keycloak reads them: the pack's own texts (theme resources of the provider jar,
 * for every login and email theme) and the kenpo login theme's wording of Keycloak's keys. Every text in
 * both languages, each key in its one place, and no apostrophe that {@link java.text.MessageFormat}
 * (which Keycloak formats every message with) would swallow — "the union's letter" must be written
 * {@code the union''s letter}.
 */
class MessageBundlesTest {

    private static final Path PACK = Path.of("src/main/resources/theme-resources/messages");
    private static final Path LOGIN_THEME = Path.of("../themes/kenpo/login/messages");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @ParameterizedTest
    @ValueSource(strings = {"pack", "login"})
    void everyTextIsInBothLanguages(String type) throws IOException {
        Properties ja = load(type, "ja");
        Properties en = load(type, "en");
        assertTrue(ja.size() > 10, "bundle read: " + type);
        assertEquals(new TreeSet<>(ja.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pack", "login"})
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

    /**
     * Keycloak merges the theme resources' messages first and the theme chain's on top: a Keycloak key in the
     * jar would lose to keycloak.v2's own text, and a kenpo* key in the kenpo theme would hide the jar's
     * text from realms with another theme. So the jar holds exactly the kenpo* keys, the theme none of them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void thePackOwnsTheKenpoKeysAndTheLoginThemeOnlyKeycloaksKeys(String language) throws IOException {
        Set<String> notKenpoInPack = new TreeSet<>();
        for (String key : load("pack", language).stringPropertyNames()) {
            if (!key.startsWith("kenpo")) {
                notKenpoInPack.add(key);
            }
        }
        Set<String> kenpoInTheme = new TreeSet<>();
        for (String key : load("login", language).stringPropertyNames()) {
            if (key.startsWith("kenpo")) {
                kenpoInTheme.add(key);
            }
        }
        assertEquals(Set.of(), notKenpoInPack, "Keycloak's keys belong in themes/kenpo/login/messages");
        assertEquals(Set.of(), kenpoInTheme, "the pack's keys belong in theme-resources/messages");
    }

    private static Properties load(String type, String language) throws IOException {
        Path dir = switch (type) {
            case "pack" -> PACK;
            case "login" -> LOGIN_THEME;
            default -> throw new IllegalArgumentException(type);
        };
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
