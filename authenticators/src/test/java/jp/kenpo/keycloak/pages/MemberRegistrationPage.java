package jp.kenpo.keycloak.pages;

import java.util.HashMap;
import java.util.Map;

import jp.kenpo.keycloak.testsupport.Browser;

/** 利用者情報入力. */
public final class MemberRegistrationPage extends Screen {

    public MemberRegistrationPage(Browser browser, Browser.Page page) {
        super(browser, page);
        if (doc.getElementById("kenpo-registration-form") == null) {
            throw new AssertionError("Not the 利用者情報入力 screen (" + page.uri() + "):\n" + doc.text());
        }
    }

    public String label(String field) {
        return doc.selectFirst("label[for=" + field + "]").text();
    }

    public String value(String field) {
        return doc.getElementById(field).val();
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
