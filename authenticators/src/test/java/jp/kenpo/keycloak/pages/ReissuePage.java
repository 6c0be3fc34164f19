package jp.kenpo.keycloak.pages;

import java.util.Map;

import jp.kenpo.keycloak.testsupport.Browser;
import org.jsoup.nodes.Element;

/** パスワード再発行 (form and the page after 送信). */
public final class ReissuePage extends Screen {

    public ReissuePage(Browser browser, Browser.Page page) {
        super(browser, page);
    }

    public boolean isForm() {
        return doc.getElementById("kenpo-reissue-form") != null;
    }

    public boolean isSentPage() {
        return doc.getElementById("kenpo-reissue-sent-notes") != null;
    }

    public String fieldError() {
        return error("reissueEmail");
    }

    public ReissuePage send(String email) {
        Element form = doc.getElementById("kenpo-reissue-form");
        return new ReissuePage(browser, browser.post(form.absUrl("action"), Map.of("reissueEmail", email, "kenpoSendReissue", "")));
    }

}
