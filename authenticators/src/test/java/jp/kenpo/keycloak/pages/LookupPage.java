package jp.kenpo.keycloak.pages;

import java.util.HashMap;
import java.util.Map;

import jp.kenpo.keycloak.testsupport.Browser;

/** ID・パスワードの取得: the data form, the email step and the page after it. */
public final class LookupPage extends Screen {

    /** What a dependent types. */
    public record Entry(String employeeNumber, String symbol, String number, String familyKanji, String givenKanji,
                        String familyKana, String givenKana, String era, String year, String month, String day) {
    }

    public LookupPage(Browser browser, Browser.Page page) {
        super(browser, page);
    }

    public boolean isDataForm() {
        return doc.getElementById("kenpo-lookup-form") != null;
    }

    public boolean isEmailForm() {
        return doc.getElementById("kenpo-lookup-email-form") != null;
    }

    public boolean isSentPage() {
        return doc.getElementById("kenpo-lookup-sent-notes") != null;
    }

    public String html() {
        return page.body();
    }

    public String value(String field) {
        return doc.getElementById(field).val();
    }

    public LookupPage next(Entry e) {
        Map<String, String> form = new HashMap<>();
        form.put("employeeNumber", e.employeeNumber());
        form.put("symbol", e.symbol());
        form.put("number", e.number());
        form.put("familyKanji", e.familyKanji());
        form.put("givenKanji", e.givenKanji());
        form.put("familyKana", e.familyKana());
        form.put("givenKana", e.givenKana());
        form.put("birthEra", e.era());
        form.put("birthYear", e.year());
        form.put("birthMonth", e.month());
        form.put("birthDay", e.day());
        form.put("kenpoLookupNext", "");
        return new LookupPage(browser, browser.post(doc.getElementById("kenpo-lookup-form").absUrl("action"), form));
    }

    public LookupPage send(String email) {
        return new LookupPage(browser, browser.post(doc.getElementById("kenpo-lookup-email-form").absUrl("action"),
                Map.of("lookupEmail", email, "kenpoLookupSend", "")));
    }

}
