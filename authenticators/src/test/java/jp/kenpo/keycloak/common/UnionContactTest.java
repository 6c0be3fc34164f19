package jp.kenpo.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The union's 問い合わせ先 as the admin typed it in the realm overrides. */
class UnionContactTest {

    @Test
    void nothingSetShowsNothing() {
        assertFalse(UnionContact.of(Map.of()).isSet());
        assertFalse(UnionContact.of(Map.of(UnionContact.NAME, "  ", UnionContact.TEL, "")).isSet(), "blanks count as unset");
    }

    @Test
    void hoursAloneAreNoWayToReachTheUnion() {
        assertFalse(UnionContact.of(Map.of(UnionContact.HOURS, "平日 9:00〜17:00")).isSet());
    }

    @Test
    void anyWayToReachTheUnionShowsTheBlock() {
        for (String key : new String[] {UnionContact.NAME, UnionContact.TEL, UnionContact.EMAIL, UnionContact.URL}) {
            assertTrue(UnionContact.of(Map.of(key, "x")).isSet(), key);
        }
    }

    @Test
    void valuesAreTakenWithoutTheSpacesAroundThem() {
        UnionContact contact = UnionContact.of(Map.of(UnionContact.TEL, " 03-0000-0000\n", UnionContact.HELP_URL, " https://kenpo.example.jp/help "));
        assertEquals("03-0000-0000", contact.tel());
        assertEquals("https://kenpo.example.jp/help", contact.helpUrl());
        assertEquals("", contact.name());
    }
}
