package jp.kenpo.keycloak.pages;

import java.util.Map;

import jp.kenpo.keycloak.testing.Browser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** 暗証キー入力. */
public final class EmailKeyPage {

    private final Browser browser;
    private final Browser.Page page;
    private final Document doc;

    public EmailKeyPage(Browser browser, Browser.Page page) {
        this.browser = browser;
        this.page = page;
        this.doc = page.document();
        if (!doc.select("[data-page-id]").attr("data-page-id").contains("kenpo-email-key")) {
            throw new AssertionError("Not the email key screen (" + page.uri() + "):\n" + doc.text());
        }
    }

    public String title() {
        return doc.getElementById("kc-page-title").text();
    }

    public String maskedEmail() {
        Element masked = doc.getElementById("kenpo-masked-email");
        return masked == null ? "" : masked.text();
    }

    /** The error under the key field, if any. */
    public String fieldError() {
        Element error = doc.getElementById("input-error-emailKey");
        return error == null ? "" : error.text();
    }

    /** The message banner above the form (info or error), if any. */
    public String message() {
        Element alert = doc.selectFirst(".kc-feedback-text");
        return alert == null ? "" : alert.text();
    }

    public String text() {
        return doc.text();
    }

    public boolean hasKeyForm() {
        return doc.getElementById("kc-email-key-form") != null;
    }

    public Browser.Page submit(String key) {
        Element form = doc.getElementById("kc-email-key-form");
        return browser.post(form.absUrl("action"), Map.of("emailKey", key, "login", ""));
    }

    public String formAction() {
        return doc.getElementById("kc-email-key-form").absUrl("action");
    }

    public EmailKeyPage resend() {
        Element form = doc.getElementById("kenpo-resend-form");
        return new EmailKeyPage(browser, browser.post(form.absUrl("action"), Map.of("resend", "1")));
    }

    public Browser.Page page() {
        return page;
    }
}
