package jp.kenpo.keycloak.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.MemberSession;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testsupport.Oidc;
import jp.kenpo.keycloak.testing.Pause;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** プロフィール設定 through Keycloak's user profile and account API, and the claims portal apps receive. */
@ExtendWith(KeycloakServerExtension.class)
class ProfileAndClaimsIT {

    private static final String PASSWORD = "Kenpo2026Ab";

    private final KeycloakServer server;

    ProfileAndClaimsIT(KeycloakServer server) {
        this.server = server;
    }

    private record Member(String id, String loginId, String email) {
    }

    private Member member(String symbol, String number, String branch, String relationship, Map<String, List<String>> extra) {
        String loginId = Members.loginId("prof");
        String email = loginId + "@example.jp";
        Map<String, List<String>> attributes = new HashMap<>(Map.of(
                "kenpoInsuranceSymbol", List.of(symbol), "kenpoInsuranceNumber", List.of(number),
                "kenpoBranchNumber", List.of(branch), "kenpoRelationship", List.of(relationship),
                "kenpoFamilyNameKanji", List.of("健保"), "kenpoGivenNameKanji", List.of("太郎"),
                "kenpoBirthDate", List.of("1970-04-01")));
        attributes.putAll(extra);
        return new Member(server.admin().createMember(loginId, email, PASSWORD, attributes), loginId, email);
    }

    private static String uniqueNumber() {
        return Long.toString(System.nanoTime() % 100_000_000L);
    }

    @Test
    void claimsCarryNicknameMemberKeyTypePreferencesHouseholdAndPreviousLogin() {
        String number = uniqueNumber();
        Member insured = member("7001", number, "00", "self", Map.of());
        member("7001", number, "01", "spouse", Map.of("nickname", List.of("はなこ"), "kenpoDiscloseMedical", List.of("public")));
        member("7001", number, "02", "child", Map.of("nickname", List.of("じろう")));
        member("7002", number, "00", "self", Map.of()); // same number, other symbol: another household

        MemberSession first = MemberSession.login(server, insured.loginId(), PASSWORD, insured.email());
        Map<String, Object> id = first.idToken();
        assertEquals("ご本人", id.get("nickname"), "the user profile's default nickname");
        assertEquals("7001-" + number + "-00", id.get("kenpo_member_key"));
        assertEquals("insured", id.get("kenpo_member_type"));
        assertEquals("self", id.get("kenpo_relationship"));
        assertNull(id.get("kenpo_previous_login_at"), "no previous login yet");

        @SuppressWarnings("unchecked")
        Map<String, Object> preferences = (Map<String, Object>) id.get("kenpo_preferences");
        assertEquals(Map.of("medical", true, "generic", true, "magazine", true, "documents", true, "applications", true),
                preferences.get("notifications"));
        assertEquals(List.of("email"), preferences.get("addresses"));
        assertEquals(Map.of("medical", false, "generic", false), preferences.get("disclosure"));

        assertFalse(id.containsKey("kenpo_household"), "the household goes to userinfo only by default");
        assertFalse(Oidc.claims(first.accessToken()).containsKey("kenpo_household"), "the household goes to userinfo only by default");
        Map<String, Object> userinfo = first.userinfo();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> household = (List<Map<String, Object>>) userinfo.get("kenpo_household");
        assertEquals(2, household.size(), household.toString());
        assertEquals("01", household.get(0).get("branch"));
        assertEquals("はなこ", household.get(0).get("nickname"));
        assertEquals("dependent", household.get(0).get("member_type"));
        assertEquals(Boolean.TRUE, household.get(0).get("discloses_medical"));
        assertEquals("02", household.get(1).get("branch"));
        assertEquals("じろう", household.get(1).get("nickname"));
        assertEquals(Boolean.FALSE, household.get(1).get("discloses_medical"));
        assertFalse(household.toString().contains("健保") || household.toString().contains("1970"), "no names or birth dates");
        assertFalse(household.toString().contains(number), "no insurance numbers of other members: " + household);

        assertEquals("7001-" + number + "-00", userinfo.get("kenpo_member_key"));
        assertEquals("ご本人", userinfo.get("nickname"));

        Pause.pastQuickLoginCheck();
        MemberSession second = MemberSession.login(server, insured.loginId(), PASSWORD, insured.email());
        long previous = ((Number) second.idToken().get("kenpo_previous_login_at")).longValue();
        long firstAuthenticated = ((Number) id.get("auth_time")).longValue();
        long firstIssued = ((Number) id.get("iat")).longValue();
        assertTrue(previous >= firstAuthenticated && previous <= firstIssued,
                "前回ログイン日時 is the login before this one: " + previous + " not in [" + firstAuthenticated + ", " + firstIssued + "]");
        assertNull(attribute(server.admin().user(insured.id()), "kenpoLastLoginAt"),
                "a login writes nothing on the member (that would evict it from the user cache on every node)");
    }

    @Test
    void aLastLoginKeptOnTheMemberByAnEarlierBuildBecomesThePreviousLoginAndLeavesTheMember() {
        Member member = member("7003", uniqueNumber(), "00", "self",
                Map.of("kenpoLastLoginAt", List.of("1700000000"), "kenpoPreviousLoginAt", List.of("1690000000")));
        MemberSession session = MemberSession.login(server, member.loginId(), PASSWORD, member.email());
        assertEquals(1700000000L, ((Number) session.idToken().get("kenpo_previous_login_at")).longValue());
        Map<String, Object> stored = server.admin().user(member.id());
        assertNull(attribute(stored, "kenpoLastLoginAt"), "carried over, then removed: " + stored);
        assertNull(attribute(stored, "kenpoPreviousLoginAt"), "carried over, then removed: " + stored);

        Pause.pastQuickLoginCheck();
        MemberSession again = MemberSession.login(server, member.loginId(), PASSWORD, member.email());
        long previous = ((Number) again.idToken().get("kenpo_previous_login_at")).longValue();
        assertTrue(previous >= ((Number) session.idToken().get("auth_time")).longValue(), "the next login shows the first one");
    }

    @Test
    void membersEditTheirProfileWithinTheRulesAndCannotTouchMemberData() {
        Member member = member("7101", uniqueNumber(), "00", "self", Map.of());
        MemberSession session = MemberSession.login(server, member.loginId(), PASSWORD, member.email());
        Map<String, Object> account = session.account();

        Map<String, Object> changed = copy(account);
        attributesOf(changed).put("nickname", List.of("たろう"));
        attributesOf(changed).put("kenpoNotifyMagazine", List.of("off"));
        attributesOf(changed).put("email2", List.of("second-" + member.email()));
        attributesOf(changed).put("kenpoNotifyAddresses", List.of("email", "email2"));
        AdminApi.Answer ok = session.updateAccount(changed);
        assertEquals(204, ok.status(), ok.body());
        Map<String, Object> stored = server.admin().user(member.id());
        assertEquals("たろう", attribute(stored, "nickname"));
        assertEquals("off", attribute(stored, "kenpoNotifyMagazine"));
        assertEquals("on", attribute(stored, "kenpoNotifyMedical"));

        Map<String, Object> reserved = copy(session.account());
        reserved.put("username", "abcdef12");
        AdminApi.Answer refused = session.updateAccount(reserved);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("kenpoLoginIdReserved") || refused.body().contains("7文字目と8文字目"), refused.body());

        Map<String, Object> memberData = copy(session.account());
        attributesOf(memberData).put("kenpoInsuranceNumber", List.of("999"));
        attributesOf(memberData).put("kenpoEmailKeyLogin", List.of("off"));
        session.updateAccount(memberData);
        Map<String, Object> after = server.admin().user(member.id());
        assertFalse("999".equals(attribute(after, "kenpoInsuranceNumber")), "member data is the union's");
        assertFalse("off".equals(attribute(after, "kenpoEmailKeyLogin")), "the key switch is the union's choice here");

        Map<String, Object> newEmail = copy(session.account());
        newEmail.put("email", "other-" + member.email());
        session.updateAccount(newEmail);
        assertEquals(member.email(), server.admin().user(member.id()).get("email"), "a new address needs confirmation first");
    }

    @Test
    void emailTwoOrThreeNeedEmailOne() {
        AdminApi.Answer answer = server.admin().tryCreateUser(Map.of("username", Members.loginId("noone"), "enabled", true,
                "attributes", Map.of("email2", List.of("second@example.jp"))));
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("kenpoEmailExtraNeedsFirst"), answer.body());
    }

    @Test
    void changingTheAddressTakesEffectOnlyAfterConfirmation() {
        Member member = member("7201", uniqueNumber(), "00", "self", Map.of());
        MemberSession session = MemberSession.login(server, member.loginId(), PASSWORD, member.email());
        Browser browser = session.browser();
        String url = Oidc.authorization(server.realmUrl(), null).url() + "&kc_action=UPDATE_EMAIL";
        Document page = browser.get(url).document();
        Element form = page.getElementById("kc-update-email-form");
        assertTrue(form != null, page.text());
        String newAddress = "new-" + member.email();
        Document after = browser.post(form.absUrl("action"), Map.of("email", newAddress)).document();
        assertEquals(member.email(), server.admin().user(member.id()).get("email"), "not before confirmation: " + after.text());
        String link = server.mailbox().awaitNext(newAddress, 0).link();
        new Browser().get(link);
        assertEquals(newAddress, Pause.until(() -> server.admin().user(member.id()).get("email"), newAddress::equals));
    }

    @Test
    void theKeyLoginSwitchIsHonouredOnlyWhereTheUnionAllowsIt() {
        Member member = member("7301", uniqueNumber(), "00", "self", Map.of("kenpoEmailKeyLogin", List.of("off")));
        Browser browser = new Browser();
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
        Browser.Page withKey = login.submit(member.loginId(), PASSWORD);
        assertFalse(withKey.isPortalRedirect(), "not allowed by the union: the key is still asked");
        assertTrue(withKey.document().text().contains("暗証キー入力"));

        String condition = "kenpo-condition-email-key-login";
        try (AdminApi.ConfigChange allowed = server.admin().changeExecutionConfig(condition,
                Map.of("kenpo.emailKeyLogin.allowMembersToSwitchOff", "true"))) {
            Browser other = new Browser();
            LoginPage again = new LoginPage(other, other.get(Oidc.authorization(server.realmUrl(), null).url()));
            assertTrue(again.submit(member.loginId(), PASSWORD).isPortalRedirect(), "allowed and switched off: no key");

            Member keeps = member("7302", uniqueNumber(), "00", "self", Map.of());
            Browser third = new Browser();
            LoginPage login3 = new LoginPage(third, third.get(Oidc.authorization(server.realmUrl(), null).url()));
            assertFalse(login3.submit(keeps.loginId(), PASSWORD).isPortalRedirect(), "members who did not switch it off still get the key");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributesOf(Map<String, Object> representation) {
        return (Map<String, Object>) representation.computeIfAbsent("attributes", k -> new HashMap<>());
    }

    private static Map<String, Object> copy(Map<String, Object> representation) {
        Map<String, Object> copy = new HashMap<>(representation);
        copy.put("attributes", new HashMap<>(attributesOf(representation)));
        copy.remove("userProfileMetadata");
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static String attribute(Map<String, Object> user, String name) {
        Map<String, List<String>> attributes = (Map<String, List<String>>) user.get("attributes");
        List<String> values = attributes == null ? null : attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

}
