package jp.kenpo.keycloak.pages;

import java.util.Arrays;
import java.util.List;

import jp.kenpo.keycloak.testsupport.Browser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What every screen of the pack shows in the same place: title, intro, message banner, field errors. */
abstract class Screen {

    protected final Browser browser;
    protected final Browser.Page page;
    protected final Document doc;

    protected Screen(Browser browser, Browser.Page page) {
        this.browser = browser;
        this.page = page;
        this.doc = page.document();
    }

    public Browser.Page page() {
        return page;
    }

    public String title() {
        return doc.getElementById("kc-page-title").text();
    }

    public String text() {
        return doc.text();
    }

    /** The screen's lead sentence, if any. */
    public String intro() {
        return textOf(doc.getElementById("kenpo-intro"));
    }

    /** The message banner above the form (info or error), if any. */
    public String message() {
        return textOf(doc.selectFirst(".kc-feedback-text"));
    }

    /** The error under a field, if any. */
    public String error(String field) {
        return textOf(doc.getElementById("input-error-" + field));
    }

    /** The errors under a field, line by line as the member reads them. */
    public List<String> errorLines(String field) {
        Element error = doc.getElementById("input-error-" + field);
        if (error == null) {
            return List.of();
        }
        return Arrays.stream(error.select("span").first().html().split("<br>"))
                .map(line -> Jsoup.parse(line).text()).filter(line -> !line.isBlank()).toList();
    }

    private static String textOf(Element element) {
        return element == null ? "" : element.text();
    }
}
