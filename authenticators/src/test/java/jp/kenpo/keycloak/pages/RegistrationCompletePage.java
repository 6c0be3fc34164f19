package jp.kenpo.keycloak.pages;

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

    /** ログイン画面: back to a fresh login screen. */
    public LoginPage toLogin() {
        return new LoginPage(browser, browser.get(doc.getElementById("kenpo-to-login").absUrl("href")));
    }
}
