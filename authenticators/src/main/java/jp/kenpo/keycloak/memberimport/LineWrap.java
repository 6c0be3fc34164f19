package jp.kenpo.keycloak.memberimport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Wraps a letter's text to a width with the usual Japanese line-breaking rules (禁則処理): no line
 * starts with closing punctuation or a small kana (「、」「。」「）」「ッ」…), none ends with an opening
 * bracket, and a run of half-width letters and digits (a login ID, a password, an address) is never
 * split unless it is longer than a whole line — a member must copy those exactly.
 */
final class LineWrap {

    private static final String NOT_AT_LINE_START = "、。，．,.・：；:;？！?!ー－)）]］}｝」』】〉》〕〙〗›»"
            + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ";
    private static final String NOT_AT_LINE_END = "(（[［{｛「『【〈《〔〘〖‹«";

    private LineWrap() {
    }

    /** @param measure the width of a piece of text, in the unit of {@code width} */
    static List<String> wrap(String text, double width, ToDoubleFunction<String> measure) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String candidate = line + Character.toString(cp);
            if (measure.applyAsDouble(candidate) > width && !line.isEmpty()) {
                int at = breakPoint(candidate, line.length());
                lines.add(candidate.substring(0, at));
                line = candidate.substring(at);
            } else {
                line = candidate;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    /**
     * Wraps text made of units that are best kept whole (e.g. each character's reading, 「エム小文字、」):
     * lines break between units; a unit longer than a line is wrapped by the rules above.
     */
    static List<String> wrapUnits(List<String> units, double width, ToDoubleFunction<String> measure) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String unit : units) {
            if (!line.isEmpty() && measure.applyAsDouble(line + unit) > width) {
                lines.add(line);
                line = "";
            }
            if (measure.applyAsDouble(line + unit) > width) {
                List<String> wrapped = wrap(line + unit, width, measure);
                lines.addAll(wrapped.subList(0, wrapped.size() - 1));
                line = wrapped.get(wrapped.size() - 1);
            } else {
                line = line + unit;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    /** The latest place at or before {@code at} where the rules allow a break; {@code at} itself when there is none. */
    private static int breakPoint(String s, int at) {
        for (int b = at; b > 0; b = s.offsetByCodePoints(b, -1)) {
            if (allowed(s.codePointBefore(b), s.codePointAt(b))) {
                return b;
            }
        }
        return at;
    }

    private static boolean allowed(int before, int after) {
        return NOT_AT_LINE_START.indexOf(after) < 0
                && NOT_AT_LINE_END.indexOf(before) < 0
                && !(inWord(before) && inWord(after));
    }

    private static boolean inWord(int cp) {
        return cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '@' || cp == '-' || cp == '_' || cp == '.');
    }
}
