package jp.kenpo.keycloak.memberimport;

import java.text.MessageFormat;
import java.util.Properties;

import jp.kenpo.keycloak.common.Bundle;

/** The letters' texts (PDF and CSV), from {@code letter-messages.properties}, in the union's wording. */
final class LetterText {

    private static final Properties TEXT = Bundle.load(LetterText.class, "letter-messages.properties");

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
}
