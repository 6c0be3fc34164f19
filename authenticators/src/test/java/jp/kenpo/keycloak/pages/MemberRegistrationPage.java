package jp.kenpo.keycloak.pages;

import java.util.HashMap;
import java.util.Map;

import jp.kenpo.keycloak.testing.Browser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** 利用者情報入力. */
public final class MemberRegistrationPage {

    private final Browser browser;
    private final Document doc;

    public MemberRegistrationPage(Browser browser, Browser.Page page) {
        this.browser = browser;
        this.doc = page.document();
        if (doc.getElementById("kenpo-registration-form") == null) {
            throw new AssertionError("Not the 利用者情報入力 screen (" + page.uri() + "):\n" + doc.text());
        }
    }

    public String title() {
        return doc.getElementById("kc-page-title").text();
    }

    public String intro() {
        return doc.getElementById("kenpo-intro").text();
    }

    public String text() {
        return doc.text();
    }

    public String label(String field) {
        return doc.selectFirst("label[for=" + field + "]").text();
    }

    public String value(String field) {
        return doc.getElementById(field).val();
    }

    public String error(String field) {
        Element error = doc.getElementById("input-error-" + field);
        return error == null ? "" : error.text();
    }

    public Browser.Page submit(String newLoginId, String password, String confirm, String email, String nickname) {
        Map<String, String> form = new HashMap<>();
        form.put("newLoginId", newLoginId);
        form.put("newPassword", password);
        form.put("newPasswordConfirm", confirm);
        form.put("email", email);
        form.put("nickname", nickname);
        form.put("register", "");
        return browser.post(doc.getElementById("kenpo-registration-form").absUrl("action"), form);
    }
}
