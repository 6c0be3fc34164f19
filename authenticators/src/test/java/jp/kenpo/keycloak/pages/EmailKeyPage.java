package jp.kenpo.keycloak.pages;

import java.util.Map;

import jp.kenpo.keycloak.testsupport.Browser;
import org.jsoup.nodes.Element;

/** 暗証キー入力. */
public final class EmailKeyPage extends Screen {

    public EmailKeyPage(Browser browser, Browser.Page page) {
        super(browser, page);
        if (!doc.select("[data-page-id]").attr("data-page-id").contains("kenpo-email-key")) {
            throw new AssertionError("Not the email key screen (" + page.uri() + "):\n" + doc.text());
        }
    }

    public String maskedEmail() {
        Element masked = doc.getElementById("kenpo-masked-email");
        return masked == null ? "" : masked.text();
    }

    /** The error under the key field, if any. */
    public String fieldError() {
        return error("emailKey");
    }

    public boolean hasKeyForm() {
        return doc.getElementById("kc-email-key-form") != null;
    }

    public Browser.Page submit(String key) {
        Element form = doc.getElementById("kc-email-key-form");
        return browser.post(form.absUrl("action"), Map.of("emailKey", key, "login", ""));
    }

    /** このブラウザを信頼する: the check box's label, or null when the union has not turned it on. */
    public String trustOption() {
        Element box = doc.getElementById("kenpo-trust-browser");
        return box == null ? null : box.parent().text();
    }

    /** Submits the key with このブラウザを信頼する ticked. */
    public Browser.Page submitTrusting(String key) {
        Element form = doc.getElementById("kc-email-key-form");
        return browser.post(form.absUrl("action"), Map.of("emailKey", key, "trustBrowser", "on", "login", ""));
    }

    public String formAction() {
        return doc.getElementById("kc-email-key-form").absUrl("action");
    }

    public EmailKeyPage resend() {
        Element form = doc.getElementById("kenpo-resend-form");
        return new EmailKeyPage(browser, browser.post(form.absUrl("action"), Map.of("resend", "1")));
    }

}
