package jp.kenpo.keycloak.passkey;

import java.util.LinkedHashSet;
import java.util.Set;

import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.JapanTime;
import jp.kenpo.keycloak.mail.QueuedMail;
import jp.kenpo.keycloak.member.MemberAttributes;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * Tells the member, at every registered address, when a passkey was added to or removed from the account
 * (Keycloak's {@code UPDATE_CREDENTIAL} and {@code REMOVE_CREDENTIAL} events of a passkey): a passkey lets
 * its holder in without the 暗証キー, so one the member did not add must not go unnoticed.
 */
public class PasskeyNoticeListener implements EventListenerProvider {

    private static final Set<String> PASSKEY_TYPES = Set.of(WebAuthnCredentialModel.TYPE_PASSWORDLESS, WebAuthnCredentialModel.TYPE_TWOFACTOR);

    private final KeycloakSession session;

    public PasskeyNoticeListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        boolean added = event.getType() == EventType.UPDATE_CREDENTIAL;
        if (!(added || event.getType() == EventType.REMOVE_CREDENTIAL) || event.getUserId() == null || event.getDetails() == null
                || !PASSKEY_TYPES.contains(event.getDetails().get(Details.CREDENTIAL_TYPE))) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (user == null) {
            return;
        }
        Set<String> addresses = new LinkedHashSet<>();
        for (String address : new String[] {user.getEmail(), user.getFirstAttribute(MemberAttributes.EMAIL_2),
                user.getFirstAttribute(MemberAttributes.EMAIL_3)}) {
            if (address != null && !address.isBlank()) {
                addresses.add(address);
            }
        }
        String at = JapanTime.nowForMail();
        String language = session.getContext().resolveLocale(user).toLanguageTag();
        for (String address : addresses) {
            QueuedMail.submit(session, realm, new PasskeyNotice(address, language, user.getUsername(), added, at),
                    new EventBuilder(realm, session).event(EventType.SEND_VERIFY_EMAIL_ERROR).user(user)
                            .detail(EventDetails.PASSKEY, added ? "added_notice" : "removed_notice")
                            .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(address)));
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
