package jp.kenpo.keycloak.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import jp.kenpo.keycloak.pages.EmailKeyPage;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.LookupPage;
import jp.kenpo.keycloak.pages.MemberRegistrationPage;
import jp.kenpo.keycloak.pages.PasswordChangePage;
import jp.kenpo.keycloak.pages.RegistrationCompletePage;
import jp.kenpo.keycloak.pages.ReissuePage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testing.Household;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testsupport.AdminRest;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pack in a realm whose login and email themes are Keycloak's own (keycloak.v2, keycloak): the main
 * journeys run on the pack's templates and texts from the provider jar's theme resources, in Japanese,
 * without the kenpo theme's look.
 */
@ExtendWith(KeycloakServerExtension.class)
class StockThemeIT {

    static final String REALM = "kenpo-stock";
    private static final String PASSWORD = "Kenpo2026ab";
    private static final String NEW_PASSWORD = "Stock2026Ab";
    private static final String KENPO_LOGIN_INTRO = "登録したログインIDとパスワードでログインしてください。";
    private static final Pattern TEMPORARY = Pattern.compile("ログインID：(\\S+)\\s+仮パスワード：(\\S+)");

    private final KeycloakServer server;
    private final Mailbox mailbox;
    private final AdminApi admin;

    StockThemeIT(KeycloakServer server) {
        this.server = server;
        this.mailbox = server.mailbox();
        this.admin = server.admin().inRealm(REALM);
    }

    /** A copy of the test realm, created through the admin REST API, with Keycloak's stock themes. */
    @BeforeAll
    static void createStockRealm(KeycloakServer server) throws Exception {
        Map<String, Object> realm = AdminRest.JSON.readValue(server.realmExport(), new TypeReference<>() { });
        realm.put("realm", REALM);
        realm.put("loginTheme", "keycloak.v2");
        realm.put("emailTheme", "keycloak");
        realm.remove("accountTheme");
        server.admin().createRealm(realm);
        // As every test realm: the portal's secret, the lifted per-client limits, no パスキーのご案内 on the way.
        KeycloakServer.prepareRealm(server.admin().inRealm(REALM));
    }

    private String realmUrl() {
        return server.baseUrl() + "/realms/" + REALM;
    }

    private LoginPage loginScreen(Browser browser) {
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(realmUrl(), null).url()));
        assertStock(login.page());
        return login;
    }

    /** Rendered by keycloak.v2's layout, not the kenpo theme's. */
    private static void assertStock(Browser.Page page) {
        assertFalse(page.body().contains("css/kenpo.css"), "the kenpo theme's stylesheet is not there");
        assertTrue(page.body().contains("/keycloak.v2/"), "keycloak.v2's resources are");
    }

    @Test
    void loginWithTheEmailKeyReachesThePortal() {
        String loginId = Members.loginId("stk");
        String email = loginId + "@example.jp";
        admin.createMember(loginId, email, PASSWORD);
        Browser browser = new Browser();
        LoginPage login = loginScreen(browser);
        // Keycloak's own key (loginAccountTitle) in keycloak.v2's wording; the pack's texts from the jar.
        assertEquals("アカウントにサインイン", login.title());
        assertEquals(KENPO_LOGIN_INTRO, login.intro());
        assertEquals("ログインID", login.label("username"));
        assertTrue(login.firstLoginButton() != null && login.firstLoginButton().text().equals("新規利用登録"));
        assertTrue(login.page().document().getElementById("kenpo-lookup-open") != null, "the lookup link is there");

        EmailKeyPage keyPage = new EmailKeyPage(browser, login.submit(loginId, PASSWORD));
        assertStock(keyPage.page());
        assertTrue(keyPage.hasKeyForm(), keyPage.text());
        assertEquals("暗証キー入力", keyPage.title());
        Mailbox.Mail mail = mailbox.awaitNext(email, 0);
        assertEquals("【サンプル健康保険組合】暗証キーのご案内", mail.subject());
        assertTrue(mail.text().contains("暗証キー：" + mail.emailKey()), mail.text());
        assertTrue(keyPage.submit(mail.emailKey()).isPortalRedirect());
    }

    @Test
    void firstLoginWithTheLettersCredentialsRegistersTheMember() {
        String letterId = Members.preIssuedId();
        String letterPassword = Members.temporaryPassword();
        admin.createPreIssuedMember(letterId, letterPassword);
        Browser browser = new Browser();
        LoginPage firstLogin = loginScreen(browser).openFirstLogin();
        assertEquals("新規利用登録", firstLogin.title());
        assertEquals("仮パスワード", firstLogin.label("password"));

        MemberRegistrationPage registration = new MemberRegistrationPage(browser, firstLogin.submit(letterId, letterPassword));
        assertStock(registration.page());
        assertEquals("利用者情報入力", registration.title());
        assertEquals("新ログインID", registration.label("newLoginId"));
        assertTrue(registration.text().contains("【注2】パスワードは次の条件で設定を行ってください。"));

        String newLoginId = Members.loginId("stk");
        RegistrationCompletePage complete = new RegistrationCompletePage(browser,
                registration.submit(newLoginId, NEW_PASSWORD, NEW_PASSWORD, newLoginId + "@example.jp", ""));
        assertEquals("利用者情報登録完了", complete.title());
        assertEquals(newLoginId, admin.user(admin.userIdByUsername(newLoginId)).get("username"));
    }

    @Test
    void reissueMailsATemporaryPasswordThatOpensThePasswordChange() {
        String loginId = Members.loginId("stk");
        String email = loginId + "@example.jp";
        admin.createMember(loginId, email, PASSWORD);
        Browser browser = new Browser();
        LoginPage login = loginScreen(browser);
        ReissuePage form = new ReissuePage(browser, browser.get(login.forgotLink().absUrl("href")));
        assertStock(form.page());
        assertEquals("パスワード再発行", form.title());
        ReissuePage sent = form.send(email);
        assertTrue(sent.isSentPage(), sent.text());

        Mailbox.Mail mail = mailbox.awaitNext(email, 0);
        assertEquals("【サンプル健康保険組合】パスワード再発行のご案内", mail.subject());
        Matcher temporary = TEMPORARY.matcher(mail.text());
        assertTrue(temporary.find(), mail.text());
        assertEquals(loginId, temporary.group(1));
        LoginPage temporaryLogin = new LoginPage(browser, browser.get(mail.link()));
        assertEquals("仮ログイン", temporaryLogin.title());
        PasswordChangePage change = new PasswordChangePage(browser, temporaryLogin.submit(loginId, temporary.group(2)));
        assertStock(change.page());
        assertEquals("パスワード変更", change.title());
    }

    @Test
    void lookupOfADependantEndsOnTheSentPageAndMails() {
        Household household = Household.create(admin);
        household.dependent(admin, "01", "spouse", "花子", "ハナコ", LocalDate.of(1972, 5, 5));
        Browser browser = new Browser();
        LoginPage login = loginScreen(browser);
        LookupPage form = new LookupPage(browser, browser.get(
                login.page().document().getElementById("kenpo-lookup-open").absUrl("href")));
        assertStock(form.page());
        assertTrue(form.isDataForm(), form.text());
        assertEquals("ID・パスワードの取得", form.title());

        LookupPage emailForm = form.next(new LookupPage.Entry("", household.symbol(), household.number(), "健保", "花子",
                "ケンポ", "ハナコ", "SEIREKI", "1972", "5", "5"));
        assertTrue(emailForm.isEmailForm(), emailForm.text());
        String address = Members.loginId("stk") + "@example.jp";
        LookupPage sent = emailForm.send(address);
        assertTrue(sent.isSentPage(), sent.text());
        Mailbox.Mail mail = mailbox.awaitNext(address, 0);
        assertTrue(mail.subject().contains("サンプル健康保険組合") && !mail.subject().contains("kenpo"), mail.subject());
    }
}
