package jp.kenpo.keycloak.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jp.kenpo.keycloak.testing.Chromium;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.MemberInChromium;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The member's screens in a real headless Chromium. Each screen is checked by {@link Chromium#screen}: a screenshot on a
 * desktop and on a phone (375 px), axe-core without serious or critical violations, and nothing overlapping, sticking
 * out or scrolling sideways.
 */
class LoginScreensIT extends MemberInChromium {

    private static final String PASSWORD = "Kenpo2026ab";

    LoginScreensIT(KeycloakServer server) {
        super(server);
    }

    @Test
    void memberLogsInInChromiumWithTheKeyFromTheMail() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String loginId = "screen-" + suffix;
        String email = "s" + suffix + "@example.jp";
        server.admin().createMember(loginId, email, PASSWORD);
        Mailbox mailbox = server.mailbox();

        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        assertEquals("ログイン", chromium.text("kc-page-title"));
        assertEquals("サンプル健康保険組合", chromium.text("kc-header-wrapper"));
        Path login = chromium.screen("01-login");
        assertTrue(Files.exists(login));

        // パスワードを表示する reveals what was typed.
        WebElement password = driver.findElement(By.id("password"));
        password.sendKeys(PASSWORD);
        assertEquals("password", password.getDomAttribute("type"));
        driver.findElement(By.cssSelector("label[for=kenpo-show-password]")).click();
        assertEquals("text", driver.findElement(By.id("password")).getDomProperty("type"));
        driver.findElement(By.cssSelector("label[for=kenpo-show-password]")).click();
        assertEquals("password", driver.findElement(By.id("password")).getDomProperty("type"));

        driver.findElement(By.id("username")).sendKeys(loginId);
        int before = mailbox.count(email);
        driver.findElement(By.id("kc-login")).click();
        chromium.waitFor(By.id("kc-email-key-form"));
        assertEquals("暗証キー入力", chromium.text("kc-page-title"));
        assertEquals("s***@e***.jp", chromium.text("kenpo-masked-email"));
        chromium.screen("02-email-key");

        String key = mailbox.awaitKey(email, before);
        driver.findElement(By.id("emailKey")).sendKeys("0000000000".equals(key) ? "1111111111" : "0000000000");
        driver.findElement(By.id("kc-login")).click();
        chromium.waitFor(By.id("input-error-emailKey"));
        assertTrue(chromium.text("input-error-emailKey").startsWith("暗証キーが正しくありません。"));
        assertErrorTiedAndFocused("emailKey");
        chromium.screen("03-email-key-wrong");

        Pause.pastQuickLoginCheck(); // members are slower than Keycloak's quick-login check
        driver.findElement(By.id("emailKey")).clear();
        driver.findElement(By.id("emailKey")).sendKeys(key);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().startsWith(Oidc.REDIRECT_URI));
        assertTrue(driver.getCurrentUrl().contains("code="), driver.getCurrentUrl());
    }

    @Test
    void textSizeLargeIsAppliedAndRemembered() {
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        double medium = rootFontSize();
        assertEquals("true", driver.findElement(By.id("kenpo-text-size-medium")).getDomAttribute("aria-pressed"));
        assertTextSizeAtTheTop();
        chromium.asPhone(this::assertTextSizeAtTheTop);

        driver.findElement(By.id("kenpo-text-size-large")).click();
        double large = rootFontSize();
        assertTrue(large > medium * 1.2, "大 enlarges the text: " + medium + " -> " + large);
        chromium.screen("04-login-text-large");

        // Remembered on the next screen and after a reload.
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        assertEquals(large, rootFontSize());
        assertEquals("true", driver.findElement(By.id("kenpo-text-size-large")).getDomAttribute("aria-pressed"));

        // Remembered on another screen (ID・パスワードの取得), where it is at the top too.
        driver.findElement(By.id("kenpo-lookup-open")).click();
        chromium.waitFor(By.id("kenpo-lookup-form"));
        assertEquals(large, rootFontSize());
        assertTextSizeAtTheTop();
        chromium.screen("04b-lookup-text-large");

        driver.findElement(By.id("kenpo-text-size-medium")).click();
        assertEquals(medium, rootFontSize());
    }

    /** 文字サイズ is the first thing on the page: above the title, within the first 200 px of the window. */
    private void assertTextSizeAtTheTop() {
        org.openqa.selenium.Rectangle size = driver.findElement(By.cssSelector(".kenpo-text-size")).getRect();
        org.openqa.selenium.Rectangle title = driver.findElement(By.id("kc-page-title")).getRect();
        assertTrue(size.getHeight() > 0, "文字サイズ is shown");
        assertTrue(size.getY() + size.getHeight() <= title.getY(), "文字サイズ above the title: " + size + " / " + title);
        assertTrue(size.getY() + size.getHeight() < 200, "文字サイズ at the top of the window: " + size);
    }

    @Test
    void firstLoginScreenIsReachedFromTheLoginScreen() {
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("kenpo-first-login")).click();
        chromium.waitFor(By.id("kenpo-back-to-login"));
        assertEquals("新規利用登録", chromium.text("kc-page-title"));
        assertEquals("事前にお知らせしたログインIDと仮パスワードでログインしてください。", chromium.text("kenpo-intro"));
        assertEquals("仮パスワード", driver.findElement(By.cssSelector("label[for=password]")).getText());
        assertFalse(driver.getPageSource().contains("kenpo-first-login-form"));
        chromium.screen("05-first-login");
    }

    @Test
    void registrationScreensWithErrorsAndLiveRuleChecks() {
        String loginId = jp.kenpo.keycloak.testing.Members.preIssuedId();
        String temporary = jp.kenpo.keycloak.testing.Members.temporaryPassword();
        server.admin().createPreIssuedMember(loginId, temporary);

        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("kenpo-first-login")).click();
        chromium.waitFor(By.id("kenpo-register-by-email"));
        driver.findElement(By.id("username")).sendKeys(loginId);
        driver.findElement(By.id("password")).sendKeys(temporary);
        driver.findElement(By.id("kc-login")).click();
        chromium.waitFor(By.id("kenpo-registration-form"));
        assertEquals("利用者情報入力", chromium.text("kc-page-title"));
        assertEquals("ご本人", driver.findElement(By.id("nickname")).getDomProperty("value"));
        chromium.screen("06-member-registration");

        // The rules are checked as the member types.
        driver.findElement(By.id("newPassword")).sendKeys("abc");
        WebElement upper = driver.findElement(By.cssSelector("[data-kenpo-check=passwordUpper]"));
        WebElement lower = driver.findElement(By.cssSelector("[data-kenpo-check=passwordLower]"));
        assertTrue(upper.getDomAttribute("class").contains("kenpo-rule--ng"), upper.getDomAttribute("class"));
        assertTrue(lower.getDomAttribute("class").contains("kenpo-rule--ok"), lower.getDomAttribute("class"));
        driver.findElement(By.id("newLoginId")).sendKeys("abcdef12");
        assertTrue(driver.findElement(By.cssSelector("[data-kenpo-check=loginIdReserved]")).getDomAttribute("class").contains("kenpo-rule--ng"));

        driver.findElement(By.id("newPasswordConfirm")).sendKeys("abd");
        driver.findElement(By.id("email")).sendKeys("taro@");
        driver.findElement(By.id("kenpo-register")).click();
        chromium.waitFor(By.id("input-error-newLoginId"));
        assertEquals("8文字のログインIDは、7文字目と8文字目に数字を使えません。", chromium.text("input-error-newLoginId"));
        assertEquals("abcdef12", driver.findElement(By.id("newLoginId")).getDomProperty("value"));
        assertErrorTiedAndFocused("newLoginId");
        chromium.screen("07-member-registration-errors");

        String newId = jp.kenpo.keycloak.testing.Members.loginId("chrome");
        driver.findElement(By.id("newLoginId")).clear();
        driver.findElement(By.id("newLoginId")).sendKeys(newId);
        driver.findElement(By.id("newPassword")).sendKeys("Kenpo2026Ab");
        driver.findElement(By.id("newPasswordConfirm")).sendKeys("Kenpo2026Ab");
        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys(newId + "@example.jp");
        driver.findElement(By.id("kenpo-register")).click();
        chromium.waitFor(By.id("kenpo-to-login"));
        assertEquals("利用者情報登録完了", chromium.text("kc-page-title"));
        chromium.screen("08-registration-complete");
        driver.findElement(By.id("kenpo-to-login")).click();
        chromium.waitFor(By.id("kenpo-first-login"));
        assertEquals("ログイン", chromium.text("kc-page-title"));
    }

    @Test
    void registrationByEmailScreens() {
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("kenpo-first-login")).click();
        chromium.waitFor(By.id("kenpo-register-by-email"));
        assertEquals("事前登録されていない方はこちらから利用登録を開始してください。", chromium.text("kenpo-register-by-email"));
        driver.findElement(By.id("kenpo-register-by-email")).click();
        chromium.waitFor(By.id("kenpo-registration-email-form"));
        chromium.screen("09-registration-email");
        driver.findElement(By.id("registrationEmail")).sendKeys(jp.kenpo.keycloak.testing.Members.loginId("shot") + "@example.jp");
        driver.findElement(By.id("kenpo-send-registration-mail")).click();
        chromium.waitFor(By.id("kenpo-registration-email-not-arrived"));
        assertEquals("メール送信確認", chromium.text("kc-page-title"));
        chromium.screen("10-registration-email-sent");
    }

    @Test
    void forgotPasswordScreens() {
        String loginId = jp.kenpo.keycloak.testing.Members.loginId("shotfgt");
        String email = loginId + "@example.jp";
        server.admin().createMember(loginId, email, PASSWORD);

        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("kenpo-forgot")).click();
        chromium.waitFor(By.id("kenpo-reissue-form"));
        assertEquals("パスワード再発行", chromium.text("kc-page-title"));
        chromium.screen("11-password-reissue");
        driver.findElement(By.id("reissueEmail")).sendKeys(email);
        driver.findElement(By.id("kenpo-send-reissue")).click();
        chromium.waitFor(By.id("kenpo-reissue-sent-notes"));
        chromium.screen("12-password-reissue-sent");

        Mailbox.Mail mail = server.mailbox().awaitNext(email, 0);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("仮パスワード：(\\S+)").matcher(mail.text());
        assertTrue(m.find(), mail.text());
        driver.get(mail.link());
        chromium.waitFor(By.id("kenpo-temporary-validity"));
        assertEquals("仮ログイン", chromium.text("kc-page-title"));
        chromium.screen("13-temporary-login");
        driver.findElement(By.id("username")).sendKeys(loginId);
        driver.findElement(By.id("password")).sendKeys(m.group(1));
        driver.findElement(By.id("kc-login")).click();
        chromium.waitFor(By.id("kenpo-password-change-form"));
        assertEquals("パスワード変更", chromium.text("kc-page-title"));
        driver.findElement(By.id("password-new")).sendKeys("Kenpo2030Zz");
        chromium.screen("14-password-change");
        driver.findElement(By.id("password-confirm")).sendKeys("Kenpo2030Zz");
        driver.findElement(By.id("kenpo-change-password")).click();
        new WebDriverWait(driver, java.time.Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(Oidc.REDIRECT_URI));
        assertTrue(driver.getCurrentUrl().contains("code="), driver.getCurrentUrl());
    }

    @Test
    void accountConsoleProfileInJapanese() {
        String loginId = jp.kenpo.keycloak.testing.Members.loginId("shotacct");
        String email = loginId + "@example.jp";
        server.admin().createMember(loginId, email, PASSWORD, java.util.Map.of(
                "kenpoInsuranceSymbol", java.util.List.of("1234"), "kenpoInsuranceNumber", java.util.List.of("5678"),
                "kenpoBranchNumber", java.util.List.of("00"), "kenpoRelationship", java.util.List.of("self")));
        driver.get(server.realmUrl() + "/account");
        chromium.waitFor(By.id("kc-form-login"));
        driver.findElement(By.id("username")).sendKeys(loginId);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        int before = server.mailbox().count(email);
        driver.findElement(By.id("kc-login")).click();
        chromium.waitFor(By.id("kc-email-key-form"));
        driver.findElement(By.id("emailKey")).sendKeys(server.mailbox().awaitKey(email, before));
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, java.time.Duration.ofSeconds(60))
                .until(d -> d.getPageSource().contains("ニックネーム") && d.getPageSource().contains("通知メール受信設定"));
        assertTrue(driver.getPageSource().contains("暗証キーによるログイン設定"));
        assertTrue(driver.getPageSource().contains("世帯内への公開設定"));
        // The union's mark, not Keycloak's logo (account theme "kenpo").
        org.openqa.selenium.WebElement logo = driver.findElement(By.cssSelector("[data-testid='page-header'] img"));
        assertTrue(logo.getAttribute("src").endsWith("/account/kenpo/img/kenpo-logo.svg"), logo.getAttribute("src"));
        assertTrue(((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return arguments[0].naturalWidth", logo)).intValue() > 0, "the mark loads");
        assertEquals("組合のマーク", logo.getAttribute("alt"));

        // The union's words, the nickname in the header, no locale picker.
        new WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(d -> d.findElement(By.cssSelector("[data-testid='page-header']")).getText().contains("ご本人"));
        String header = driver.findElement(By.cssSelector("[data-testid='page-header']")).getText();
        assertFalse(header.contains(loginId), "the login ID is not in the header: " + header);
        String page = driver.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("プロフィール設定"), page);
        for (String stock : java.util.List.of("個人情報", "基本情報を管理する", "ロケールの選択", "サインイン")) {
            assertFalse(page.contains(stock), "Keycloak's stock text " + stock + " is gone: " + page);
        }
        assertTrue(driver.findElements(By.id("locale")).isEmpty(), "no locale picker");
        assertTrue(page.contains("チェックを外すことは「受信しない」を選ぶことにあたります"), "the radio pairs are explained");
        chromium.screen("15-account-profile");
    }

    @Test
    void lookupScreensInChromium() {
        String symbol = "88" + (System.nanoTime() % 100);
        String number = Long.toString(System.nanoTime() % 10_000_000L);
        String loginId = jp.kenpo.keycloak.testing.Members.loginId("shotdep");
        java.util.Map<String, Object> user = new java.util.HashMap<>();
        user.put("username", loginId);
        user.put("enabled", true);
        user.put("attributes", java.util.Map.of("kenpoInsuranceSymbol", java.util.List.of(symbol), "kenpoInsuranceNumber", java.util.List.of(number),
                "kenpoBranchNumber", java.util.List.of("01"), "kenpoRelationship", java.util.List.of("spouse"),
                "kenpoFamilyNameKanji", java.util.List.of("健保"), "kenpoGivenNameKanji", java.util.List.of("花子"),
                "kenpoFamilyNameKana", java.util.List.of("ケンポ"), "kenpoGivenNameKana", java.util.List.of("ハナコ"),
                "kenpoBirthDate", java.util.List.of("1972-08-15")));
        assertEquals(201, server.admin().tryCreateUser(user).status());
        try (var immediate = server.admin().changeExecutionConfig("kenpo-member-lookup", java.util.Map.of("kenpo.lookup.delivery", "immediate"))) {
            lookupScreens(symbol, number, loginId);
        }
    }

    private void lookupScreens(String symbol, String number, String loginId) {
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("kenpo-lookup-open")).click();
        chromium.waitFor(By.id("kenpo-lookup-form"));
        assertEquals("ID・パスワードの取得", chromium.text("kc-page-title"));
        chromium.screen("16-lookup-form");
        driver.findElement(By.id("kenpo-lookup-next")).click();
        chromium.waitFor(By.id("input-error-symbol"));
        assertErrorTiedAndFocused("symbol");
        assertEquals("true", driver.findElement(By.id("birthYear")).getDomAttribute("aria-invalid"));
        chromium.screen("17-lookup-form-errors");

        driver.findElement(By.id("symbol")).sendKeys(symbol);
        driver.findElement(By.id("number")).sendKeys(number);
        driver.findElement(By.id("familyKanji")).sendKeys("健保");
        driver.findElement(By.id("givenKanji")).sendKeys("花子");
        driver.findElement(By.id("familyKana")).sendKeys("けんぽ");
        driver.findElement(By.id("givenKana")).sendKeys("はなこ");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("birthEra"))).selectByValue("SHOWA");
        driver.findElement(By.id("birthYear")).sendKeys("47");
        driver.findElement(By.id("birthMonth")).sendKeys("8");
        driver.findElement(By.id("birthDay")).sendKeys("15");
        driver.findElement(By.id("kenpo-lookup-next")).click();
        chromium.waitFor(By.id("kenpo-lookup-email-form"));
        chromium.screen("18-lookup-email");
        String address = jp.kenpo.keycloak.testing.Members.loginId("shotrecv") + "@example.jp";
        driver.findElement(By.id("lookupEmail")).sendKeys(address);
        driver.findElement(By.id("kenpo-lookup-send")).click();
        chromium.waitFor(By.id("kenpo-lookup-sent-notes"));
        chromium.screen("18b-lookup-sent");

        String link = server.mailbox().awaitNext(address, 0).link();
        driver.get(link);
        chromium.waitFor(By.id("kenpo-lookup-reveal"));
        chromium.screen("19-lookup-reveal");
        driver.findElement(By.id("kenpo-lookup-reveal")).click();
        chromium.waitFor(By.id("kenpo-lookup-credentials"));
        assertEquals(loginId.toUpperCase(java.util.Locale.ROOT), chromium.text("kenpo-lookup-login-id"));
        chromium.screen("20-lookup-credentials");

        // The link works once: opened again, it says so and leads back to the start.
        driver.get(link);
        chromium.waitFor(By.id("kenpo-lookup-again"));
        assertEquals("このURLはすでに使われたか、有効期限が過ぎています。", chromium.text("kenpo-intro"));
        chromium.screen("20b-lookup-used");
    }

    @Test
    void postalScreensInChromium() {
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("kenpo-lookup-open")).click();
        chromium.waitFor(By.id("kenpo-postal-open"));
        driver.findElement(By.id("kenpo-postal-open")).click();
        chromium.waitFor(By.id("kenpo-postal-form"));
        assertEquals("お問い合わせ", chromium.text("kc-page-title"));
        chromium.screen("21-postal-form");
        driver.findElement(By.id("familyName")).sendKeys("郵送");
        driver.findElement(By.id("givenName")).sendKeys("花子");
        driver.findElement(By.id("familyKana")).sendKeys("ユウソウ");
        driver.findElement(By.id("givenKana")).sendKeys("ハナコ");
        driver.findElement(By.id("symbol")).sendKeys("1234");
        // A number of its own: the abuse tests send many postal requests for 1234-5678, and the postal form
        // limits requests per 記号・番号 and day.
        driver.findElement(By.id("number")).sendKeys(String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000)));
        driver.findElement(By.id("phone")).sendKeys("03-1234-5678");
        driver.findElement(By.id("postalCode")).sendKeys("１００－０００１");
        driver.findElement(By.id("address")).sendKeys("東京都千代田区千代田1-1");
        driver.findElement(By.id("kenpo-postal-confirm")).click();
        chromium.waitFor(By.id("kenpo-postal-submit"));
        assertEquals("100-0001", chromium.text("confirm-postal-code"));
        assertEquals("ユウソウ ハナコ", chromium.text("confirm-kana"));
        assertOnOneLine(By.id("confirm-kana"));
        assertOnOneLine(By.id("confirm-number"));
        assertOnOneLine(By.id("kc-page-title"));
        chromium.asPhone(() -> {
            assertOnOneLine(By.id("confirm-kana"));
            assertOnOneLine(By.id("confirm-number"));
        });
        chromium.screen("22-postal-confirm");

        driver.findElement(By.id("kenpo-postal-submit")).click();
        titleBecomes("お問い合わせを受け付けました");
        chromium.screen("23-postal-thanks");
    }

    @Test
    void keycloaksOwnScreensSpeakThePacksWords() {
        String loginId = jp.kenpo.keycloak.testing.Members.loginId("shotkc");
        String email = loginId + "@example.jp";
        java.util.Map<String, Object> user = new java.util.HashMap<>();
        user.put("username", loginId);
        user.put("enabled", true);
        user.put("email", email);
        user.put("emailVerified", true);
        user.put("credentials", java.util.List.of(java.util.Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        user.put("requiredActions", java.util.List.of("UPDATE_PASSWORD", "UPDATE_EMAIL"));
        assertEquals(201, server.admin().tryCreateUser(user).status());

        // A login page that is no longer current: 期限切れ.
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("username")).sendKeys(loginId);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        chromium.waitFor(By.id("kc-email-key-form"));
        String key = server.mailbox().awaitKey(email, 0);
        String action = driver.findElement(By.id("kc-email-key-form")).getDomAttribute("action");
        driver.get(action.replaceFirst("execution=[^&]*", "execution=no-such-step"));
        chromium.waitFor(By.id("kc-page-title"));
        assertEquals("有効期限が切れました", chromium.text("kc-page-title"));
        assertNoStockWords();
        chromium.screen("30-page-expired");

        // The union asks for a new password and address (required actions): Keycloak's screens, the pack's words.
        driver.findElement(By.id("loginContinueLink")).click();
        chromium.waitFor(By.id("kc-email-key-form"));
        driver.findElement(By.id("emailKey")).sendKeys(key);
        driver.findElement(By.id("kc-login")).click();
        chromium.waitFor(By.id("password-new"));
        assertEquals("パスワード変更", chromium.text("kc-page-title"));
        assertNoStockWords();
        chromium.screen("31-update-password");
        driver.findElement(By.id("password-new")).sendKeys("Kenpo2031Yy");
        driver.findElement(By.id("password-confirm")).sendKeys("Kenpo2031Yy");
        driver.findElement(By.cssSelector("[type=submit]")).click();
        titleBecomes("メールアドレスの変更");
        assertNoStockWords();
        chromium.screen("32-update-email");

        // Logout confirmation and an error page.
        driver.get(server.realmUrl() + "/protocol/openid-connect/logout");
        chromium.waitFor(By.id("kc-page-title"));
        assertEquals("ログアウト", chromium.text("kc-page-title"));
        assertNoStockWords();
        chromium.screen("33-logout-confirm");

        driver.get(server.realmUrl() + "/protocol/openid-connect/auth?client_id=no-such-app&response_type=code&scope=openid"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb");
        chromium.waitFor(By.id("kc-page-title"));
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("この画面は開けません。"), driver.getPageSource());
        assertNoStockWords();
        chromium.screen("34-error");
    }

    @Test
    void verifyEmailAndInfoPagesSpeakThePacksWords() {
        // A 暗証キー proves the address (the email-key step marks it verified), so Keycloak's VERIFY_EMAIL passes
        // silently after it: only a member who switched the key off, where the union allows that, sees
        // Keycloak's メールアドレスの確認 page.
        String loginId = jp.kenpo.keycloak.testing.Members.loginId("shotve");
        String email = loginId + "@example.jp";
        java.util.Map<String, Object> user = new java.util.HashMap<>();
        user.put("username", loginId);
        user.put("enabled", true);
        user.put("email", email);
        user.put("emailVerified", false);
        user.put("attributes", java.util.Map.of("kenpoEmailKeyLogin", java.util.List.of("off")));
        user.put("credentials", java.util.List.of(java.util.Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        user.put("requiredActions", java.util.List.of("VERIFY_EMAIL"));
        assertEquals(201, server.admin().tryCreateUser(user).status());
        String userId = server.admin().userIdByUsername(loginId);

        try (jp.kenpo.keycloak.testing.AdminApi.ConfigChange allowed = server.admin().changeExecutionConfig(
                "kenpo-condition-email-key-login", java.util.Map.of("kenpo.emailKeyLogin.allowMembersToSwitchOff", "true"))) {
            driver.get(Oidc.authorization(server.realmUrl(), null).url());
            driver.findElement(By.id("username")).sendKeys(loginId);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            titleBecomes("メールアドレスの確認");
        }
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("メールアドレスを確認するためのメールを " + email + " へお送りしました。"),
                driver.getPageSource());
        assertNoStockWords();
        chromium.screen("35-verify-email");

        // The member opens the mail's link in another browser (no login attempt there): Keycloak's お知らせ pages.
        String link = server.mailbox().awaitNext(email, 0).link();
        driver.manage().deleteAllCookies();
        driver.get(link);
        titleBecomes("メールアドレスの確認");
        assertTrue(driver.findElement(By.id("kc-info-message")).getText().contains("メールアドレス " + email + " を確認します。"),
                driver.getPageSource());
        assertNoStockWords();
        chromium.screen("36-info-confirm-email");
        driver.findElement(By.linkText("次へ進む")).click();
        titleBecomes("メールアドレスを確認しました");
        assertTrue(driver.findElement(By.id("kc-info-message")).getText().contains("メールアドレスを確認しました。"), driver.getPageSource());
        assertNoStockWords();
        chromium.screen("37-info-email-verified");
        assertEquals(Boolean.TRUE, server.admin().user(userId).get("emailVerified"));
    }

    private void assertNoStockWords() {
        String page = driver.findElement(By.tagName("body")).getText();
        for (String stock : java.util.List.of("サインイン", "アプリケーション", "クライアント", "«", "»")) {
            assertFalse(page.contains(stock), "Keycloak's stock wording " + stock + " on " + page);
        }
        assertTrue(driver.findElements(By.id("kenpo-text-size-large")).size() == 1, "the pack's look (文字サイズ)");
    }

    @Test
    void emailKeyLockoutAndNoAddressScreens() {
        String loginId = jp.kenpo.keycloak.testing.Members.loginId("shotlock");
        String email = loginId + "@example.jp";
        server.admin().createMember(loginId, email, PASSWORD);
        Mailbox mailbox = server.mailbox();
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("username")).sendKeys(loginId);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        chromium.waitFor(By.id("kc-email-key-form"));
        String key = mailbox.awaitKey(email, 0);
        String wrong = "0000000000".equals(key) ? "1111111111" : "0000000000";
        for (int i = 1; i <= 5; i++) {
            Pause.pastQuickLoginCheck();
            driver.findElement(By.id("emailKey")).clear();
            driver.findElement(By.id("emailKey")).sendKeys(wrong);
            driver.findElement(By.id("kc-login")).click();
            int tries = i;
            new WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> tries < 5
                    ? chromium.text("input-error-emailKey").contains("あと" + (5 - tries) + "回")
                    : chromium.text("input-error-emailKey").startsWith("暗証キーを5回まちがえたため"));
        }
        assertErrorTiedAndFocused("emailKey");
        chromium.screen("24-email-key-dead");

        String noAddress = jp.kenpo.keycloak.testing.Members.loginId("shotnoad");
        server.admin().createMember(noAddress, null, PASSWORD);
        driver.manage().deleteAllCookies();
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("username")).sendKeys(noAddress);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(d -> d.getPageSource().contains("メールアドレスが登録されていないため"));
        assertTrue(driver.findElements(By.id("emailKey")).isEmpty());
        chromium.screen("25-email-key-no-address");
    }

    /** The field's error is announced with it (aria-invalid, aria-describedby) and the field has the focus. */
    private void assertErrorTiedAndFocused(String field) {
        WebElement input = driver.findElement(By.id(field));
        assertEquals("true", input.getDomAttribute("aria-invalid"), field);
        assertTrue(String.valueOf(input.getDomAttribute("aria-describedby")).contains("input-error-" + field),
                field + " described by its error: " + input.getDomAttribute("aria-describedby"));
        assertEquals(field, driver.switchTo().activeElement().getDomAttribute("id"), "the first error has the focus");
    }

    /** The element's text fits on one line (it is not squeezed into a narrow column). */
    private void assertOnOneLine(By locator) {
        WebElement element = driver.findElement(locator);
        Number lines = (Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var r = document.createRange(); r.selectNodeContents(arguments[0]);"
                        + "var tops = Array.prototype.filter.call(r.getClientRects(), function (c) { return c.width > 0; })"
                        + "  .map(function (c) { return c.top; }).sort(function (a, b) { return a - b; });"
                        + "var lines = tops.length ? 1 : 0;"
                        + "for (var i = 1; i < tops.length; i++) { if (tops[i] - tops[i - 1] > 8) { lines++; } }"
                        + "return lines;", element);
        assertEquals(1, lines.intValue(), element.getText() + " on " + lines + " lines");
    }

    private double rootFontSize() {
        Object size = driver.findElement(By.tagName("html")).getCssValue("font-size");
        return Double.parseDouble(size.toString().replace("px", ""));
    }

    /** Waits for the next page's title; the old page's title may go stale while it is read. */
    private void titleBecomes(String title) {
        new WebDriverWait(driver, java.time.Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> title.equals(chromium.text("kc-page-title")));
    }

}
