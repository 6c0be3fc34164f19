package jp.kenpo.keycloak.lookup;

import java.time.LocalDate;
import java.time.Period;

import jp.kenpo.keycloak.member.MemberAttributes;

/**
 * Who may obtain an ID by lookup: spouses, and other dependents of at least the minimum age (40, the
 * age of the specific health check-ups). Insured members get the union's letter instead.
 *
 * <p>Age follows Japanese law (年齢計算ニ関スル法律): a year is completed at the end of the day before
 * the birthday, so someone born on 1 April is 40 on 31 March. It is reckoned either on the day of the
 * lookup or on 31 March ending the fiscal year (年度末), as the union chooses.
 */
public final class Eligibility {

    public enum AgeReckoning { LOOKUP_DATE, FISCAL_YEAR_END }

    private Eligibility() {
    }

    public static boolean eligible(String relationship, LocalDate birthDate, LocalDate today, AgeReckoning reckoning, int minimumAge) {
        if (relationship == null || MemberAttributes.RELATIONSHIP_SELF.equals(relationship)) {
            return false;
        }
        if ("spouse".equals(relationship)) {
            return true;
        }
        return birthDate != null && age(birthDate, referenceDate(today, reckoning)) >= minimumAge;
    }

    static LocalDate referenceDate(LocalDate today, AgeReckoning reckoning) {
        if (reckoning == AgeReckoning.LOOKUP_DATE) {
            return today;
        }
        int endYear = today.getMonthValue() >= 4 ? today.getYear() + 1 : today.getYear();
        return LocalDate.of(endYear, 3, 31);
    }

    static int age(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on.plusDays(1)).getYears();
    }
}
