package jp.kenpo.keycloak.pages;

import jp.kenpo.keycloak.testing.Browser;
import org.jsoup.nodes.Document;

/** 利用者情報登録完了. */
public final class RegistrationCompletePage {

    private final Browser browser;
    private final Document doc;

    public RegistrationCompletePage(Browser browser, Browser.Page page) {
        this.browser = browser;
        this.doc = page.document();
        if (doc.getElementById("kenpo-to-login") == null) {
            throw new AssertionError("Not the 利用者情報登録完了 screen (" + page.uri() + "):\n" + doc.text());
        }
    }

    public String title() {
        return doc.getElementById("kc-page-title").text();
    }

    public String intro() {
        return doc.getElementById("kenpo-intro").text();
    }

    public String buttonText() {
        return doc.getElementById("kenpo-to-login").text();
    }

    /** ログイン画面: back to a fresh login screen. */
    public LoginPage toLogin() {
        return new LoginPage(browser, browser.get(doc.getElementById("kenpo-to-login").absUrl("href")));
    }
}
