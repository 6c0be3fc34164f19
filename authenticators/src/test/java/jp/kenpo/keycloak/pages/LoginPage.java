package jp.kenpo.keycloak.pages;

import java.util.Map;

import jp.kenpo.keycloak.testsupport.Browser;
import org.jsoup.nodes.Element;

/** ログイン (and 新規利用登録, the same form shown for the union's letter). */
public final class LoginPage extends Screen {

    public LoginPage(Browser browser, Browser.Page page) {
        super(browser, page);
        if (doc.getElementById("kc-form-login") == null) {
            throw new AssertionError("Not the login screen (" + page.uri() + "):\n" + doc.text());
        }
    }

    public String header() {
        return doc.getElementById("kc-header-wrapper").text();
    }

    public String label(String field) {
        return doc.selectFirst("label[for=" + field + "]").text();
    }

    public Element forgotLink() {
        return doc.getElementById("kenpo-forgot");
    }

    public Element firstLoginButton() {
        return doc.getElementById("kenpo-first-login");
    }

    public String fieldError() {
        return error("username");
    }

    public Browser.Page submit(String loginId, String password) {
        Element form = doc.getElementById("kc-form-login");
        String screen = form.selectFirst("input[name=kenpoScreen]").val();
        return browser.post(form.absUrl("action"), Map.of("username", loginId, "password", password, "kenpoScreen", screen));
    }

    public LoginPage openFirstLogin() {
        Element form = doc.getElementById("kenpo-first-login-form");
        return new LoginPage(browser, browser.post(form.absUrl("action"), Map.of("kenpoFirstLogin", "1")));
    }

    /** The 空メール QR code on 新規利用登録 (an img with a data: URI), or null when 空メール registration is off. */
    public Element emptyMailQr() {
        return doc.getElementById("kenpo-empty-mail-qr");
    }

    /** The registration address shown in text beside the QR code, or "" when none. */
    public String emptyMailAddress() {
        Element address = doc.getElementById("kenpo-empty-mail-address");
        return address == null ? "" : address.text();
    }

    /** 「事前登録されていない方はこちらから…」 on the 新規利用登録 screen. */
    public RegistrationEmailPage openRegisterByEmail() {
        Element form = doc.getElementById("kenpo-register-by-email-form");
        return new RegistrationEmailPage(browser, browser.post(form.absUrl("action"), Map.of("kenpoRegisterByEmail", "1")));
    }

}
