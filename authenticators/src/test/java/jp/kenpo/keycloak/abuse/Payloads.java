package jp.kenpo.keycloak.abuse;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile values for one form field or query parameter, generated from a seed (the same seed gives the
 * same values). Each value is already in its wire form (the bytes after {@code name=}): most are a string
 * percent-encoded as UTF-8, some are raw bytes a browser would never send (invalid UTF-8, broken escapes).
 */
final class Payloads {

    /** One value: what kind it is (for failure messages) and its bytes on the wire. */
    record Value(String kind, byte[] wire, byte[] plain) {
        /** The value as text (invalid UTF-8 read as U+FFFD). */
        String text() {
            return new String(plain, StandardCharsets.UTF_8);
        }

        String shown() {
            String s = new String(wire, StandardCharsets.ISO_8859_1);
            return kind + ":" + (s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s);
        }
    }

    /** Payloads that run script if a page or mail echoes them unescaped. */
    static final List<String> SCRIPT = List.of(
            "<img src=x onerror=window.__pwned=1>",
            "\"><script>window.__pwned=1</script>",
            "'><svg onload=window.__pwned=1>",
            "javascript:window.__pwned=1",
            "</textarea><script>window.__pwned=1</script>",
            "\" autofocus onfocus=\"window.__pwned=1",
            "<a href=\"javascript:window.__pwned=1\">x</a>",
            "${7*7}#{7*7}<#assign x=1>{{7*7}}");

    static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1,2)", "\t=1", "\r=1",
            "=HYPERLINK(\"http://127.0.0.1/\",\"x\")");

    static final List<String> SQL = List.of("' OR '1'='1", "'; DROP TABLE USER_ENTITY;--", "\" OR \"\"=\"", "1' AND SLEEP(5)--",
            "\\'; --", "%' OR 1=1 --", "1; SELECT pg_sleep(5)", "') UNION SELECT null,null--");

    static final List<String> ODD = List.of("", " ", "　", "\u0000", "../../../../etc/passwd", "%s%n%x", "{0}{1}", "-1", "0",
            "99999999999999999999999", "1e309", "NaN", "2147483648", "0x10", "null", "undefined", "true", "[]", "{}",
            "\u202Eabc", "\uFEFF", "\u200B", "ﬁ", "\u212B", "𠮷野家", "😀", "ｶﾞｷﾞ", "ＡＢＣ１２３", "令和99年13月32日");

    private static final String[] KINDS = {"overlong", "control", "fullwidth", "combining", "script", "formula", "sql",
            "odd", "invalid-utf8", "bad-percent", "surrogate", "mixed"};

    private final Random random;

    Payloads(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} values covering every kind, in a seeded order. */
    List<Value> values(int count) {
        List<Value> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(value(KINDS[i % KINDS.length]));
        }
        return values;
    }

    Value value(String kind) {
        return switch (kind) {
            case "overlong" -> text(kind, repeat(pick("a", "あ", "9", "<", "%", "漢"), pickInt(256, 1_000, 4_000, 20_000)));
            case "control" -> text(kind, control());
            case "fullwidth" -> text(kind, fullWidth());
            case "combining" -> text(kind, combining());
            case "script" -> text(kind, pick(SCRIPT));
            case "formula" -> text(kind, pick(FORMULAS));
            case "sql" -> text(kind, pick(SQL));
            case "odd" -> text(kind, pick(ODD));
            case "invalid-utf8" -> raw(kind, pick("%FF", "%C0%AF", "%E3%81", "%80", "%ED%A0%80", "%F8%88%80%80%80", "%FE%FF", "a%C3"),
                    pick(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0x82, (byte) 0xA0}, new byte[0]));
            case "bad-percent" -> raw(kind, pick("%", "%Z", "%zz", "%%", "%u3042", "%00", "%2", "%%41", "%G1"), new byte[0]);
            case "surrogate" -> raw(kind, pick("%ED%B0%80", "%ED%A0%BD%ED%B8%80", "%F4%90%80%80"), new byte[0]);
            default -> mixed();
        };
    }

    private Value mixed() {
        String a = pick(SCRIPT) + control() + pick(SQL);
        return text("mixed", fullWidth() + a + combining() + pick(FORMULAS));
    }

    private Value text(String kind, String s) {
        return new Value(kind, URLEncoder.encode(s, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII),
                s.getBytes(StandardCharsets.UTF_8));
    }

    /** Plain text around an escape or raw bytes that no valid UTF-8 form produces. */
    private Value raw(String kind, String escape, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("x" + random.nextInt(1000)).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(escape.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.writeBytes("y".getBytes(StandardCharsets.US_ASCII));
        return new Value(kind, out.toByteArray(), decodeLeniently(out.toByteArray()));
    }

    /** Percent-decodes where an escape is valid and keeps every other byte as it is. */
    static byte[] decodeLeniently(byte[] wire) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < wire.length; i++) {
            if (wire[i] == '%' && i + 2 < wire.length && Character.digit(wire[i + 1], 16) >= 0 && Character.digit(wire[i + 2], 16) >= 0) {
                out.write(Character.digit(wire[i + 1], 16) * 16 + Character.digit(wire[i + 2], 16));
                i += 2;
            } else {
                out.write(wire[i]);
            }
        }
        return out.toByteArray();
    }

    private String control() {
        StringBuilder s = new StringBuilder("a");
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(4) == 0 ? pickInt(0x7F, 0x85, 0x2028, 0x2029, 0x200E) : random.nextInt(0x20);
            s.append((char) c).append('b');
        }
        return s.toString();
    }

    private String fullWidth() {
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(20);
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(4);
            s.append(switch (r) {
                case 0 -> (char) ('！' + random.nextInt(94));       // FF01–FF5E
                case 1 -> (char) ('ｦ' + random.nextInt(56));        // half-width katakana
                case 2 -> '　';
                default -> (char) ('ぁ' + random.nextInt(86));
            });
        }
        return s.toString();
    }

    private String combining() {
        StringBuilder s = new StringBuilder(pick("か", "a", "ハ", "山", "1"));
        int n = 1 + random.nextInt(pickInt(3, 30, 300));
        for (int i = 0; i < n; i++) {
            s.append(pickChar('\u3099', '\u309A', '\u0301', '\u0308', '\u20DD', '\u0336'));
        }
        return s.toString();
    }

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private int pickInt(int... options) {
        return options[random.nextInt(options.length)];
    }

    private char pickChar(char... options) {
        return options[random.nextInt(options.length)];
    }
}
