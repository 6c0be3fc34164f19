package jp.kenpo.keycloak.member;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a member's typed identity is compared with the union's data: forgiving of how it was typed,
 * exact on everything else. Full-width and half-width letters and digits are the same, spaces of either
 * width are ignored, hiragana count as katakana and half-width katakana as full-width (NFKC); no other
 * character is changed, so 髙 and 高 stay different, as on the union's records.
 */
public final class MemberIdentity {

    private MemberIdentity() {
    }

    /** 記号, 番号, 従業員番号: NFKC, without spaces and hyphens; letters kept in upper case. */
    public static String code(String typed) {
        if (typed == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-' && c != '\u2212' && c != '\u30FC')
                .forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** 氏名（漢字）: NFKC, without spaces. */
    public static String kanjiName(String typed) {
        if (typed == null) {
            return "";
        }
        return withoutSpaces(Normalizer.normalize(typed, Normalizer.Form.NFKC));
    }

    /** 氏名（カナ）: NFKC (half-width katakana to full-width), hiragana to katakana, without spaces. */
    public static String kanaName(String typed) {
        if (typed == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(c -> {
            if (c >= 0x3041 && c <= 0x3096) {
                out.appendCodePoint(c + 0x60); // ぁ..ゖ -> ァ..ヶ
            } else if (c == 0x309D || c == 0x309E) {
                out.appendCodePoint(c + 0x60); // ゝゞ -> ヽヾ
            } else {
                out.appendCodePoint(c);
            }
        });
        return withoutSpaces(out.toString());
    }

    private static String withoutSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** For logs and events: the first character, then stars ({@code 12345} → {@code 1****}). */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int first = value.offsetByCodePoints(0, 1);
        return value.substring(0, first) + "*".repeat(value.codePointCount(first, value.length()));
    }
}
