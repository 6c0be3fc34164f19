package jp.kenpo.keycloak.lookup;

import static jp.kenpo.keycloak.lookup.Eligibility.AgeReckoning.FISCAL_YEAR_END;
import static jp.kenpo.keycloak.lookup.Eligibility.AgeReckoning.LOOKUP_DATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class EligibilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void spousesAlwaysInsuredNever() {
        assertTrue(Eligibility.eligible("spouse", LocalDate.of(2000, 1, 1), TODAY, LOOKUP_DATE, 40));
        assertFalse(Eligibility.eligible("self", LocalDate.of(1950, 1, 1), TODAY, LOOKUP_DATE, 40));
        assertFalse(Eligibility.eligible(null, LocalDate.of(1950, 1, 1), TODAY, LOOKUP_DATE, 40));
        assertFalse(Eligibility.eligible("child", null, TODAY, LOOKUP_DATE, 40));
    }

    @Test
    void onTheLookupDateAYearIsCompleteTheDayBeforeTheBirthday() {
        // Born 1986-11-24: turns 40 at the end of 2026-11-23 -> 40 on the lookup day.
        assertTrue(Eligibility.eligible("child", LocalDate.of(1986, 11, 24), TODAY, LOOKUP_DATE, 40));
        assertFalse(Eligibility.eligible("child", LocalDate.of(1986, 11, 25), TODAY, LOOKUP_DATE, 40));
        assertTrue(Eligibility.eligible("other", LocalDate.of(1950, 1, 1), TODAY, LOOKUP_DATE, 40));
    }

    @Test
    void atTheFiscalYearEndTheReferenceIsTheNext31March() {
        assertEquals(LocalDate.of(2027, 3, 31), Eligibility.referenceDate(TODAY, FISCAL_YEAR_END));
        assertEquals(LocalDate.of(2026, 3, 31), Eligibility.referenceDate(LocalDate.of(2026, 3, 31), FISCAL_YEAR_END));
        assertEquals(LocalDate.of(2027, 3, 31), Eligibility.referenceDate(LocalDate.of(2026, 4, 1), FISCAL_YEAR_END));
        // Born 1987-04-01: 40 on 2027-03-31 (end of the day before the birthday) -> eligible this fiscal year.
        assertTrue(Eligibility.eligible("child", LocalDate.of(1987, 4, 1), TODAY, FISCAL_YEAR_END, 40));
        assertFalse(Eligibility.eligible("child", LocalDate.of(1987, 4, 2), TODAY, FISCAL_YEAR_END, 40));
        assertFalse(Eligibility.eligible("child", LocalDate.of(1987, 4, 1), TODAY, LOOKUP_DATE, 40));
    }

    @Test
    void theMinimumAgeIsConfigurable() {
        assertTrue(Eligibility.eligible("child", LocalDate.of(2006, 11, 24), TODAY, LOOKUP_DATE, 20));
        assertFalse(Eligibility.eligible("child", LocalDate.of(2006, 11, 25), TODAY, LOOKUP_DATE, 20));
    }
}
