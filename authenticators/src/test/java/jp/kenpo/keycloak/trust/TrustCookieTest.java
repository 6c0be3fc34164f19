package jp.kenpo.keycloak.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import jp.kenpo.keycloak.common.ServerKey;
import org.junit.jupiter.api.Test;

class TrustCookieTest {

    private static final ServerKey KEY = ServerKey.derive("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "s".getBytes(StandardCharsets.UTF_8));
    private static final long NOW = 1_800_000_000L;

    private static String entry(int member, long expiresAt) {
        return TrustToken.issue(KEY, new TrustToken.Member("realm-id", "user-" + member, "password-" + member),
                "trust-" + member + "|{\"value\":\"secret\"}", expiresAt);
    }

    @Test
    void readsEntriesAndWritesThemBackUnchanged() {
        String value = entry(1, NOW + 100) + "~" + entry(2, NOW + 200);
        TrustCookie cookie = TrustCookie.parse(value);
        assertEquals(2, cookie.entries().size());
        assertEquals(value, cookie.value());
        assertEquals(NOW + 200, cookie.latestExpiry().getAsLong());
        assertTrue(TrustCookie.parse(null).isEmpty());
        assertTrue(TrustCookie.parse("").isEmpty());
        assertTrue(TrustCookie.parse("~~").isEmpty());
        assertTrue(TrustCookie.parse("garbage").latestExpiry().isEmpty());
    }

    @Test
    void theNewestTrustComesFirstAndAtMostFiveMembersAreRemembered() {
        TrustCookie cookie = TrustCookie.EMPTY;
        for (int member = 1; member <= 7; member++) {
            cookie = cookie.withFirst(entry(member, NOW + member));
        }
        assertEquals(TrustCookie.MAX_ENTRIES, cookie.entries().size());
        assertEquals(List.of(entry(7, NOW + 7), entry(6, NOW + 6), entry(5, NOW + 5), entry(4, NOW + 4), entry(3, NOW + 3)), cookie.entries());
        assertEquals(1, TrustCookie.EMPTY.withFirst("x").withFirst("x").entries().size(), "the same entry twice is kept once");
    }

    @Test
    void anEntryThatDoesNotHoldIsDroppedAndTheOthersStay() {
        String first = entry(1, NOW + 100);
        String second = entry(2, NOW + 100);
        TrustCookie cookie = TrustCookie.parse(first + "~tampered~" + second);
        assertEquals(List.of(first, second), cookie.retain(e -> !e.equals("tampered")).entries());
    }

    @Test
    void aLongListOrAnOverlongPartIsNotReadBeyondItsBounds() {
        String many = String.join("~", IntStream.range(0, 50).mapToObj(i -> "e" + i).toList());
        assertEquals(List.of("e0", "e1", "e2", "e3", "e4"), TrustCookie.parse(many).entries());
        assertEquals(List.of("ok"), TrustCookie.parse("x".repeat(TrustToken.MAX_LENGTH + 1) + "~ok").entries());
    }

    @Test
    void fiveMembersStayWellUnderTheFourKilobytesOfACookie() {
        TrustCookie cookie = TrustCookie.EMPTY;
        for (int member = 1; member <= TrustCookie.MAX_ENTRIES; member++) {
            cookie = cookie.withFirst(entry(member, 9_999_999_999L));
        }
        String header = TrustedBrowser.COOKIE + "=" + cookie.value();
        assertTrue(header.length() < 1200, header.length() + " bytes");
        assertTrue(cookie.value().chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ',' && c != '"' && c != '\\'),
                "cookie-safe characters only: " + cookie.value());
    }
}
