package jp.kenpo.keycloak.pages;

import java.util.Map;

import jp.kenpo.keycloak.testsupport.Browser;

/** パスワード変更 after 仮ログイン. */
public final class PasswordChangePage extends Screen {

    public PasswordChangePage(Browser browser, Browser.Page page) {
        super(browser, page);
        if (doc.getElementById("kenpo-password-change-form") == null) {
            throw new AssertionError("Not the パスワード変更 screen (" + page.uri() + "):\n" + doc.text());
        }
    }

    public String label(String field) {
        return doc.selectFirst("label[for=" + field + "]").text();
    }

    public Browser.Page submit(String password, String confirm) {
        return browser.post(doc.getElementById("kenpo-password-change-form").absUrl("action"),
                Map.of("password-new", password, "password-confirm", confirm, "changePassword", ""));
    }
}
