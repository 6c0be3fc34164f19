package jp.kenpo.keycloak.common;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.RealmModel;

/**
 * The address the pack's mails come from (the realm's Email → From), for the notes 「ドメインの指定受信など…」 on the
 * screens that send a mail: members who only accept mail from some senders must allow exactly this address, as
 * the union's manual says (「info@apap.jp」からのメール受信を「許可」). Templates read it as {@code kenpoMailFrom}.
 */
public final class MailFrom {

    static final String ATTRIBUTE = "kenpoMailFrom";

    private MailFrom() {
    }

    /** The realm's sender address, or "" when none is set. */
    public static String of(RealmModel realm) {
        String from = realm.getSmtpConfig() == null ? null : realm.getSmtpConfig().get("from");
        return from == null ? "" : from.strip();
    }

    /** The form with {@code kenpoMailFrom} set (when the realm has a sender address). */
    public static LoginFormsProvider on(LoginFormsProvider form, RealmModel realm) {
        String from = of(realm);
        return from.isEmpty() ? form : form.setAttribute(ATTRIBUTE, from);
    }
}
