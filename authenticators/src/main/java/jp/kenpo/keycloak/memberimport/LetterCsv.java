package jp.kenpo.keycloak.memberimport;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jp.kenpo.keycloak.member.Registration;

/**
 * The letters' data for the union's mail merge: one row per newly issued insured member, with each
 * character's reading. UTF-8 with a byte-order mark, so that Excel opens it in Japanese.
 */
public final class LetterCsv {

    private LetterCsv() {
    }

    public static byte[] render(String unionName, List<MemberImport.Letter> letters) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(LetterText.get("csvHeader")).append("\r\n");
        for (MemberImport.Letter l : letters) {
            String loginId = Registration.preIssuedLoginId(l.loginId());
            csv.append(String.join(",", quote(l.memberKey()), quote(l.name()), quote(loginId), quote(Readings.joined(loginId)),
                    quote(l.temporaryPassword()), quote(Readings.joined(l.temporaryPassword())), quote(Registration.DEFAULT_NICKNAME),
                    quote(unionName))).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One quoted cell. A cell that starts with {@code = + - @}, tab or CR would run as a formula when
     * staff open the file in a spreadsheet (CSV injection): it gets a leading {@code '} (OWASP), which
     * spreadsheets show as text.
     */
    static String quote(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
