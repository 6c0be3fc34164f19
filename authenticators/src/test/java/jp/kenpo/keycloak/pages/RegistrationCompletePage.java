package jp.kenpo.keycloak.pages;

import java.util.Map;

import jp.kenpo.keycloak.testsupport.Browser;

/** 利用者情報登録完了. */
public final class RegistrationCompletePage extends Screen {

    public RegistrationCompletePage(Browser browser, Browser.Page page) {
        super(browser, page);
        if (doc.getElementById("kenpo-to-login") == null) {
            throw new AssertionError("Not the 利用者情報登録完了 screen (" + page.uri() + "):\n" + doc.text());
        }
    }

    public String buttonText() {
        return doc.getElementById("kenpo-to-login").text();
    }

    /** 「登録したメールアドレス：…」, so that a typo is seen before it locks the member out. */
    public String registeredEmail() {
        var email = doc.getElementById("kenpo-registered-email");
        return email == null ? "" : email.text();
    }

    /** メールアドレスを修正する: sends a corrected address and answers with this screen again. */
    public RegistrationCompletePage correctEmail(String email) {
        Browser.Page next = browser.post(doc.getElementById("kenpo-correct-email-form").absUrl("action"),
                Map.of("correctedEmail", email, "kenpoCorrectEmail", ""));
        return new RegistrationCompletePage(browser, next);
    }

    /** ログイン画面: back to a fresh login screen. */
    public LoginPage toLogin() {
        return new LoginPage(browser, browser.get(doc.getElementById("kenpo-to-login").absUrl("href")));
    }
}
