package jp.kenpo.keycloak.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A household of the union for lookup tests: the insured member (with an address), and dependents as the import makes them. */
public record Household(String symbol, String number, String insuredEmail) {

    /** A new household with its insured member 健保 太郎 (born 1970-04-01). */
    public static Household create(AdminApi admin) {
        String symbol = Long.toString(1000 + (System.nanoTime() % 9000));
        String number = Long.toString(System.nanoTime() % 10_000_000L);
        String insuredEmail = Members.loginId("ins") + "@example.jp";
        admin.createMember(Members.loginId("ins"), insuredEmail, "Kenpo2026Ab",
                attributes(symbol, number, "00", "self", "健保", "太郎", "ケンポ", "タロウ", LocalDate.of(1970, 4, 1)));
        return new Household(symbol, number, insuredEmail);
    }

    public static Map<String, List<String>> attributes(String symbol, String number, String branch, String relationship,
                                                       String familyKanji, String givenKanji, String familyKana, String givenKana,
                                                       LocalDate birth) {
        return new HashMap<>(Map.of("kenpoInsuranceSymbol", List.of(symbol), "kenpoInsuranceNumber", List.of(number),
                "kenpoBranchNumber", List.of(branch), "kenpoRelationship", List.of(relationship),
                "kenpoFamilyNameKanji", List.of(familyKanji), "kenpoGivenNameKanji", List.of(givenKanji),
                "kenpoFamilyNameKana", List.of(familyKana), "kenpoGivenNameKana", List.of(givenKana),
                "kenpoBirthDate", List.of(birth.toString())));
    }

    /** A dependent as union IT imports one: no address, no usable password. Returns the login ID. */
    public String dependent(AdminApi admin, String branch, String relationship, String givenKanji, String givenKana, LocalDate birth) {
        Map<String, Object> user = new HashMap<>();
        String loginId = Members.loginId("dep");
        user.put("username", loginId);
        user.put("enabled", true);
        user.put("attributes", attributes(symbol, number, branch, relationship, "健保", givenKanji, "ケンポ", givenKana, birth));
        var answer = admin.tryCreateUser(user);
        assertEquals(201, answer.status(), answer.body());
        return loginId;
    }
}
