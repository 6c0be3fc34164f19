package jp.kenpo.keycloak.lookup.postal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.member.MemberIdentity;

/**
 * お問い合わせ (postal route, manual 000 step 3'): what the member typed, taken as meant (full-width
 * digits, spaces, hyphens of any kind), and one message per field that needs fixing.
 */
public record PostalInput(Map<String, String> values) {

    public static final List<String> FIELDS = List.of("familyName", "givenName", "familyKana", "givenKana", "symbol", "number",
            "phone", "category", "message", "postalCode", "address");
    public static final List<String> REQUIRED = List.of("familyName", "givenName", "familyKana", "givenKana", "symbol", "number",
            "phone", "postalCode", "address");
    /** Each of 姓, 名, セイ, メイ: 100 characters (the database keeps 姓 + space + 名 in 255). */
    static final int NAME_MAX = 100;
    /** 記号 and 番号: 32 characters (their database columns). */
    static final int CODE_MAX = 32;
    public static final List<String> CATEGORIES = List.of("idpassword", "other");
    /**
     * The most characters each field may have (as normalised), so that nothing too long reaches the
     * database: both names fit the name columns (NVARCHAR(255)) with the space between them.
     */
    public static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(
            Map.entry("familyName", 50), Map.entry("givenName", 50), Map.entry("familyKana", 50), Map.entry("givenKana", 50),
            Map.entry("symbol", 20), Map.entry("number", 20), Map.entry("phone", 11), Map.entry("postalCode", 8),
            Map.entry("message", 2000), Map.entry("address", 500));

    /** A field and a message key. */
    public record Problem(String field, String messageKey) {
    }

    public static PostalInput of(Map<String, String> typed) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String raw = typed.getOrDefault(f, "");
            v.put(f, raw == null ? "" : raw.strip());
        }
        v.put("symbol", MemberIdentity.code(v.get("symbol")));
        v.put("number", MemberIdentity.code(v.get("number")));
        v.put("phone", MemberIdentity.code(v.get("phone")).replace("(", "").replace(")", ""));
        v.put("familyKana", MemberIdentity.kanaName(v.get("familyKana")));
        v.put("givenKana", MemberIdentity.kanaName(v.get("givenKana")));
        String postal = MemberIdentity.code(v.get("postalCode")).replace("〒", "");
        v.put("postalCode", postal.matches("\\d{7}") ? postal.substring(0, 3) + "-" + postal.substring(3) : postal);
        if (!CATEGORIES.contains(v.get("category"))) {
            v.put("category", "idpassword");
        }
        return new PostalInput(v);
    }

    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        for (String f : REQUIRED) {
            if (values.get(f).isEmpty()) {
                problems.add(new Problem(f, "kenpoPostalRequired_" + f));
            }
        }
        String phone = values.get("phone");
        if (!phone.isEmpty() && !phone.matches("0\\d{9,10}")) {
            problems.add(new Problem("phone", "kenpoPostalPhoneInvalid"));
        }
        String postal = values.get("postalCode");
        if (!postal.isEmpty() && !postal.matches("\\d{3}-\\d{4}")) {
            problems.add(new Problem("postalCode", "kenpoPostalCodeInvalid"));
        }
        for (String f : FIELDS) {
            Integer max = MAX_LENGTH.get(f);
            // Phone and postal code are bounded by their formats above, and say so in their messages.
            if (max != null && !f.equals("phone") && !f.equals("postalCode") && values.get(f).length() > max) {
                problems.add(new Problem(f, "kenpoPostalTooLong_" + f));
            }
        }
        return problems;
    }

    public String get(String field) {
        return values.get(field);
    }
}
