package jp.kenpo.keycloak.pages;

import java.util.Map;

import jp.kenpo.keycloak.testing.Browser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** パスワード変更 after 仮ログイン. */
public final class PasswordChangePage {

    private final Browser browser;
    private final Document doc;

    public PasswordChangePage(Browser browser, Browser.Page page) {
        this.browser = browser;
        this.doc = page.document();
        if (doc.getElementById("kenpo-password-change-form") == null) {
            throw new AssertionError("Not the パスワード変更 screen (" + page.uri() + "):\n" + doc.text());
        }
    }

    public String title() {
        return doc.getElementById("kc-page-title").text();
    }

    public String text() {
        return doc.text();
    }

    public String label(String field) {
        return doc.selectFirst("label[for=" + field + "]").text();
    }

    public String error(String field) {
        Element error = doc.getElementById("input-error-" + field);
        return error == null ? "" : error.text();
    }

    public Browser.Page submit(String password, String confirm) {
        return browser.post(doc.getElementById("kenpo-password-change-form").absUrl("action"),
                Map.of("password-new", password, "password-confirm", confirm, "changePassword", ""));
    }
}
