package jp.kenpo.keycloak.pages;

import java.util.Map;

import jp.kenpo.keycloak.testing.Browser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** パスワード再発行 (form and the page after 送信). */
public final class ReissuePage {

    private final Browser browser;
    private final Browser.Page page;
    private final Document doc;

    public ReissuePage(Browser browser, Browser.Page page) {
        this.browser = browser;
        this.page = page;
        this.doc = page.document();
    }

    public boolean isForm() {
        return doc.getElementById("kenpo-reissue-form") != null;
    }

    public boolean isSentPage() {
        return doc.getElementById("kenpo-reissue-sent-notes") != null;
    }

    public String title() {
        return doc.getElementById("kc-page-title").text();
    }

    public String intro() {
        Element intro = doc.getElementById("kenpo-intro");
        return intro == null ? "" : intro.text();
    }

    public String text() {
        return doc.text();
    }

    public String message() {
        Element alert = doc.selectFirst(".kc-feedback-text");
        return alert == null ? "" : alert.text();
    }

    public String fieldError() {
        Element error = doc.getElementById("input-error-reissueEmail");
        return error == null ? "" : error.text();
    }

    public ReissuePage send(String email) {
        Element form = doc.getElementById("kenpo-reissue-form");
        return new ReissuePage(browser, browser.post(form.absUrl("action"), Map.of("reissueEmail", email, "kenpoSendReissue", "")));
    }

    public Browser.Page page() {
        return page;
    }
}
