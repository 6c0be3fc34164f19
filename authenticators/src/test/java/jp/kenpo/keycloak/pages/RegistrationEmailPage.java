package jp.kenpo.keycloak.pages;

import java.util.Map;

import jp.kenpo.keycloak.testing.Browser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** 新規利用登録 by email: メールアドレス and 送信する, then メール送信確認. */
public final class RegistrationEmailPage {

    private final Browser browser;
    private final Browser.Page page;
    private final Document doc;

    public RegistrationEmailPage(Browser browser, Browser.Page page) {
        this.browser = browser;
        this.page = page;
        this.doc = page.document();
    }

    public boolean isForm() {
        return doc.getElementById("kenpo-registration-email-form") != null;
    }

    public boolean isSentPage() {
        return doc.getElementById("kenpo-registration-email-not-arrived") != null;
    }

    public String title() {
        return doc.getElementById("kc-page-title").text();
    }

    public String intro() {
        return doc.getElementById("kenpo-intro").text();
    }

    public String notArrived() {
        return doc.getElementById("kenpo-registration-email-not-arrived").text();
    }

    public String fieldError() {
        Element error = doc.getElementById("input-error-registrationEmail");
        return error == null ? "" : error.text();
    }

    public String message() {
        Element alert = doc.selectFirst(".kc-feedback-text");
        return alert == null ? "" : alert.text();
    }

    public String text() {
        return doc.text();
    }

    public RegistrationEmailPage send(String email) {
        Element form = doc.getElementById("kenpo-registration-email-form");
        return new RegistrationEmailPage(browser, browser.post(form.absUrl("action"),
                Map.of("registrationEmail", email, "kenpoSendRegistrationMail", "")));
    }

    public Browser.Page page() {
        return page;
    }
}
