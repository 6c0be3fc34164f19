package jp.kenpo.keycloak.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.testing.Chromium;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Script typed into the pack's forms, or put into the union's name by an admin, never runs: the pages that
 * echo typed values (forms with errors, the postal confirm page) and the mails that carry them are opened in
 * headless Chromium, which must show no alert and no {@code window.__pwned}.
 */
@ExtendWith(KeycloakServerExtension.class)
class NoPayloadExecutesIT {

    /** Each sets {@code window.__pwned} and opens an alert if it ever runs. */
    static final List<String> PAYLOADS = List.of(
            "<img src=x onerror=\"window.__pwned=1;alert(1)\">",
            "\"><script>window.__pwned=1;alert(1)</script>",
            "'><svg onload=\"window.__pwned=1;alert(1)\">",
            "javascript:window.__pwned=1;alert(1)",
            "</textarea></title><script>window.__pwned=1</script>",
            "\" autofocus onfocus=\"window.__pwned=1");

    private static Chromium chromium;
    private final KeycloakServer server;

    NoPayloadExecutesIT(KeycloakServer server) {
        this.server = server;
    }

    @BeforeAll
    static void openChromium() {
        chromium = new Chromium("ja");
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Fills the fields of the form with this id by script (as typed, unchecked; buttons as hidden fields, since submit() sends no button) and submits it. */
    private void submit(String formId, Map<String, String> fields) {
        ChromeDriver driver = chromium.driver();
        awaitPage("document.getElementById('" + formId + "') !== null");
        driver.executeScript("window.__before = 1;");
        driver.executeScript("const f = document.getElementById(arguments[0]);"
                + "for (const [k, v] of Object.entries(arguments[1])) {"
                + "  let e = f.querySelector('[name=\"' + k + '\"]');"
                + "  if (!e || e.tagName === 'BUTTON' || e.type === 'submit') { e = document.createElement('input'); e.type = 'hidden'; e.name = k; f.appendChild(e); }"
                + "  e.value = v; }"
                + "HTMLFormElement.prototype.submit.call(f);", formId, fields);
        awaitPage("typeof window.__before === 'undefined' && document.readyState === 'complete'");
        pause();
    }

    /** Waits (up to 30 s) until the page satisfies {@code condition}, a script expression. */
    private static void awaitPage(String condition) {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            try {
                if (Boolean.TRUE.equals(chromium.driver().executeScript("return " + condition + ";"))) {
                    return;
                }
            } catch (org.openqa.selenium.UnhandledAlertException e) {
                throw new AssertionError("an alert opened: " + e.getAlertText());
            } catch (org.openqa.selenium.WebDriverException e) {
                // the page is changing
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("page never satisfied " + condition + " at " + chromium.driver().getCurrentUrl()
                + " showing: " + chromium.driver().findElement(org.openqa.selenium.By.tagName("body")).getText());
    }

    private static void pause() {
        try {
            Thread.sleep(700); // lets onerror/onload/onfocus handlers of the new page fire
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The page now open ran none of the payloads. */
    private void assertNothingRan(String where) {
        ChromeDriver driver = chromium.driver();
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError(where + ": an alert opened: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        assertEquals(Boolean.TRUE, driver.executeScript("return typeof window.__pwned === 'undefined'"), where + ": a payload ran");
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private void open(String url) {
        // Leave the page first: keycloak.v2's authChecker reloads a login page 1 s after it loaded when the auth-session
        // cookie has changed, and a reload of a POST answer that races the next page ends on 「ログインを続けられませんでした」.
        // (On about:blank deleteAllCookies would reach no site's cookies, so Chromium clears them all.)
        chromium.driver().get("about:blank");
        chromium.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chromium.driver().get(url);
    }

    @Test
    void payloadsTypedIntoEveryFormThatEchoesInputComeBackAsText() {
        List<String> echoed = new ArrayList<>();
        for (String payload : PAYLOADS) {
            open(Oidc.authorization(server.realmUrl(), null).url());
            submit("kc-form-login", Map.of("username", payload, "password", payload));
            assertNothingRan("ログイン with " + payload);
            echoed.add(String.valueOf(chromium.driver().findElement(By.id("username")).getDomProperty("value")));

            open(server.realmUrl() + "/kenpo-start/temporary-login");
            submit("kc-form-login", Map.of("username", payload, "password", payload));
            assertNothingRan("仮ログイン with " + payload);

            open(server.realmUrl() + "/kenpo-start/first-login");
            submit("kenpo-register-by-email-form", Map.of("kenpoRegisterByEmail", "1"));
            submit("kenpo-registration-email-form", Map.of("registrationEmail", payload, "kenpoSendRegistrationMail", ""));
            assertNothingRan("新規利用登録 by email with " + payload);

            open(Oidc.authorization(server.realmUrl(), null).url());
            chromium.driver().get(chromium.driver().findElement(By.id("kenpo-forgot")).getDomProperty("href"));
            submit("kenpo-reissue-form", Map.of("reissueEmail", payload, "kenpoSendReissue", ""));
            assertNothingRan("パスワード再発行 with " + payload);

            open(server.realmUrl() + "/kenpo-start/lookup");
            submit("kenpo-lookup-form", fields("employeeNumber", payload, "symbol", payload, "number", payload,
                    "familyKanji", payload, "givenKanji", payload, "familyKana", payload, "givenKana", payload,
                    "birthEra", payload, "birthYear", payload, "birthMonth", payload, "birthDay", payload, "kenpoLookupNext", ""));
            assertNothingRan("ID・パスワードの取得 with " + payload);

            open(server.realmUrl() + "/kenpo-start/postal");
            submit("kenpo-postal-form", fields("familyName", payload, "givenName", payload, "familyKana", payload,
                    "givenKana", payload, "symbol", payload, "number", payload, "phone", payload, "category", payload,
                    "message", payload, "postalCode", payload, "address", payload, "kenpoPostalConfirm", ""));
            assertNothingRan("郵送 form with " + payload);
        }
        // The login ID is echoed as the pack normalises it (spaces taken out), character for character otherwise.
        assertEquals(PAYLOADS.stream().map(p -> p.replaceAll("\\s", "")).toList(), echoed, "the login form echoes what was typed, as text");
    }

    @Test
    void thePostalConfirmPageShowsTypedScriptAsText() {
        for (String payload : PAYLOADS) {
            open(server.realmUrl() + "/kenpo-start/postal");
            String short40 = payload.length() > 40 ? payload.substring(0, 40) : payload;
            submit("kenpo-postal-form", fields("familyName", short40, "givenName", short40, "familyKana", "テスト",
                    "givenKana", "タロウ", "symbol", "1234", "number", "5678", "phone", "0312345678", "category", "idpassword",
                    "message", payload, "postalCode", "1234567", "address", payload, "kenpoPostalConfirm", ""));
            assertNotNull(chromium.driver().findElement(By.id("kenpo-postal-submit-form")), "the confirm page");
            assertNothingRan("郵送 confirm with " + payload);
            assertTrue(chromium.driver().getPageSource().contains("window.__pwned") , "the payload is shown as text");
        }
    }

    @Test
    void aMemberWhoTypesScriptAt利用者情報入力SeesItAsText() {
        String loginId = Members.preIssuedId();
        String temporary = Members.temporaryPassword();
        server.admin().createPreIssuedMember(loginId, temporary);
        open(Oidc.authorization(server.realmUrl(), null).url());
        submit("kc-form-login", Map.of("username", loginId, "password", temporary));
        for (String payload : PAYLOADS) {
            submit("kenpo-registration-form", Map.of("newLoginId", payload, "newPassword", "Kenpo2026Ab",
                    "newPasswordConfirm", "Kenpo2026Xy", "email", payload, "nickname", payload, "register", ""));
            assertNothingRan("利用者情報入力 with " + payload);
        }
    }

    @Test
    void aUnionNameWithScriptRunsNeitherOnTheScreensNorInTheMails() throws Exception {
        String original = (String) server.admin().realm().get("displayName");
        String payload = PAYLOADS.get(0) + PAYLOADS.get(1);
        Mailbox mailbox = server.mailbox();
        String registration = Members.loginId("xssreg") + "@example.jp";
        String reissueLogin = Members.loginId("xssri");
        String reissue = reissueLogin + "@example.jp";
        server.admin().createMember(reissueLogin, reissue, "Kenpo2026Ab");
        server.admin().updateRealm(Map.of("displayName", payload));
        List<Mailbox.Mail> mails = new ArrayList<>();
        try {
            open(Oidc.authorization(server.realmUrl(), null).url());
            pause();
            assertNothingRan("ログイン with the union's name");
            RawHttp http = new RawHttp("127.0.0.1");
            RawHttp.Answer first = http.get(server.realmUrl() + "/kenpo-start/first-login");
            RawHttp.Answer form = http.postForm(first.formAction("kenpo-register-by-email-form"), Map.of("kenpoRegisterByEmail", "1"));
            http.postForm(form.formAction("kenpo-registration-email-form"), Map.of("registrationEmail", registration, "kenpoSendRegistrationMail", ""));
            mails.add(mailbox.awaitNext(registration, 0));
            RawHttp.Answer login = http.get(Oidc.authorization(server.realmUrl(), null).url());
            RawHttp.Answer forgot = http.get(login.document().getElementById("kenpo-forgot").absUrl("href"));
            http.postForm(forgot.formAction("kenpo-reissue-form"), Map.of("reissueEmail", reissue, "kenpoSendReissue", ""));
            mails.add(mailbox.awaitNext(reissue, 0));
        } finally {
            server.admin().updateRealm(Map.of("displayName", original == null ? "" : original));
        }
        for (Mailbox.Mail mail : mails) {
            assertTrue(mail.html().contains("__pwned"), "the name is in the mail: " + mail.html());
            Path file = Files.createTempFile("kenpo-mail", ".html");
            try {
                Files.writeString(file, mail.html(), StandardCharsets.UTF_8);
                chromium.driver().get(file.toUri().toString());
                pause();
                assertNothingRan("mail " + mail.subject());
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
