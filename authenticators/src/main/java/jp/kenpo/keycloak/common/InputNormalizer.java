package jp.kenpo.keycloak.common;

/**
 * Makes what members type comparable with what the system stores.
 *
 * <p>Members often type with the Japanese IME on: digits and letters arrive as full-width forms
 * (０１２, ＡＢＣ) and spaces as the ideographic space U+3000. Those are folded to their ASCII
 * forms here; nothing else is changed, so the rules that follow stay exact.
 */
public final class InputNormalizer {

    private static final char FULLWIDTH_FIRST = '\uFF01'; // ！
    private static final char FULLWIDTH_LAST = '\uFF5E';  // ～
    private static final int FULLWIDTH_OFFSET = 0xFEE0;
    private static final char IDEOGRAPHIC_SPACE = '\u3000';

    private InputNormalizer() {
    }

    /** Full-width ASCII variants to ASCII and U+3000 to a plain space; null stays null. */
    public static String toHalfWidth(String input) {
        if (input == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) {
                out.append((char) (c - FULLWIDTH_OFFSET));
            } else if (c == IDEOGRAPHIC_SPACE) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Half-width folding, then every whitespace character removed (keys, login IDs never contain spaces). */
    public static String compact(String input) {
        if (input == null) {
            return null;
        }
        String half = toHalfWidth(input);
        StringBuilder out = new StringBuilder(half.length());
        for (int i = 0; i < half.length(); i++) {
            char c = half.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A one-time key as typed: folded, spaces and hyphens removed (mail clients and members group digits).
     */
    public static String oneTimeKey(String input) {
        String compact = compact(input);
        return compact == null ? null : compact.replace("-", "");
    }

    /** A login ID as typed: folded and without spaces. Case is left alone: Keycloak lower-cases usernames itself. */
    public static String loginId(String input) {
        return compact(input);
    }
}
