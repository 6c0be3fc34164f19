package jp.kenpo.keycloak.memberimport;

import java.util.Map;

import jp.kenpo.keycloak.common.UnionContact;
import jp.kenpo.keycloak.common.UnionName;
import org.keycloak.models.RealmModel;

/**
 * What every letter of one print run shares: the union, the portal's name and the letter's title (realm overrides
 * {@code kenpoPortalName} and {@code kenpoLetterTitle}, else the letter's own texts), the login screen's URL (printed
 * and as a 2次元コード), the 空メール registration address (a {@code mailto:} 2次元コード; null for none) and the
 * union's 問い合わせ先 ({@link UnionContact}). Letters are printed in Japanese.
 *
 * @param registrationAddress the address members send an empty mail to; null when the union has no 空メール registration
 */
public record LetterFrame(String unionName, String portalName, String title, String loginUrl, String registrationAddress,
                          UnionContact contact) {

    static final String LANGUAGE = "ja";
    static final String PORTAL_NAME = "kenpoPortalName";
    static final String LETTER_TITLE = "kenpoLetterTitle";

    static LetterFrame of(RealmModel realm, String loginUrl, String registrationAddress) {
        Map<String, String> texts = realm.getRealmLocalizationTextsByLocale(LANGUAGE);
        return new LetterFrame(UnionName.of(realm), text(texts, PORTAL_NAME, LetterText.get("portal")),
                text(texts, LETTER_TITLE, LetterText.get("title")), loginUrl, registrationAddress, UnionContact.of(realm, LANGUAGE));
    }

    private static String text(Map<String, String> texts, String key, String otherwise) {
        String value = texts == null ? null : texts.get(key);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
