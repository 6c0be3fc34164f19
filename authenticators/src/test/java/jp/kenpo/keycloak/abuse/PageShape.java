package jp.kenpo.keycloak.abuse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page tells its reader once the values it echoes and its random tokens (session codes, tab ids,
 * nonces, hidden values) are taken out: two answers with the same shape say the same thing.
 */
final class PageShape {

    private PageShape() {
    }

    /** The page's body with the echoed values replaced by a placeholder and every URL cut at its query. */
    static String of(String html, String... echoed) {
        Document doc = Jsoup.parse(html);
        for (Element e : doc.getAllElements()) {
            for (String attribute : new String[] {"action", "href", "src", "value"}) {
                if (e.hasAttr(attribute)) {
                    e.attr(attribute, e.attr(attribute).replaceAll("\\?.*", "?…"));
                }
            }
            e.removeAttr("nonce");
            if (e.tagName().equals("input")) {
                e.attr("value", "…");
            }
        }
        doc.select("script").forEach(s -> s.text(s.data().replaceAll("[A-Za-z0-9_-]{20,}", "…")));
        String body = doc.body().html();
        for (String value : echoed) {
            if (value != null && !value.isEmpty()) {
                // Only where the value stands on its own: 記号 "1234" must not eat into a phone number "0312345678".
                body = body.replaceAll("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(value) + "(?![\\p{L}\\p{N}])", "…");
            }
        }
        return body;
    }
}
