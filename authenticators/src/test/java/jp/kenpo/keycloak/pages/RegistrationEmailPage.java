package jp.kenpo.keycloak.pages;

import java.util.Map;

import jp.kenpo.keycloak.testsupport.Browser;
import org.jsoup.nodes.Element;

/** 新規利用登録 by email: メールアドレス and 送信する, then メール送信確認. */
public final class RegistrationEmailPage extends Screen {

    public RegistrationEmailPage(Browser browser, Browser.Page page) {
        super(browser, page);
    }

    public boolean isForm() {
        return doc.getElementById("kenpo-registration-email-form") != null;
    }

    public boolean isSentPage() {
        return doc.getElementById("kenpo-registration-email-not-arrived") != null;
    }

    public String notArrived() {
        return doc.getElementById("kenpo-registration-email-not-arrived").text();
    }

    public String fieldError() {
        return error("registrationEmail");
    }

    public RegistrationEmailPage send(String email) {
        Element form = doc.getElementById("kenpo-registration-email-form");
        return new RegistrationEmailPage(browser, browser.post(form.absUrl("action"),
                Map.of("registrationEmail", email, "kenpoSendRegistrationMail", "")));
    }

}
