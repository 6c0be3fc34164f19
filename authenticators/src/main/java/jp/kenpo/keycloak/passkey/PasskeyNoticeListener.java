package jp.kenpo.keycloak.passkey;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * Tells the member, at every registered address, when a passkey was added to or removed from the account
 * (Keycloak's {@code UPDATE_CREDENTIAL} and {@code REMOVE_CREDENTIAL} events of a passkey), and when union
 * staff removed one in the admin console (Users → Credentials → Delete: Keycloak's admin event {@code ACTION}
 * on {@code users/<id>/credentials/<credential id>}, with the detail {@code credential_type}): a passkey lets
 * its holder in without the 暗証キー, so neither one the member did not add nor a removal the member did not
 * ask for may go unnoticed.
 *
 * <p>Keycloak calls a realm's event listeners with every admin event whether or not the realm stores admin
 * events (Realm settings → Events → Admin events settings only decides what is saved), and admin events carry
 * their details either way ("Include representation" adds the representation only).
 */
public class PasskeyNoticeListener implements EventListenerProvider {

    private static final Set<String> PASSKEY_TYPES = Set.of(WebAuthnCredentialModel.TYPE_PASSWORDLESS, WebAuthnCredentialModel.TYPE_TWOFACTOR);

    /** The resource path of the admin API's credential removal ({@code DELETE …/users/{id}/credentials/{credentialId}}). */
    private static final Pattern CREDENTIAL_PATH = Pattern.compile("users/([^/]+)/credentials/[^/]+");

    /** What happened to the passkey, as the mail tells it. */
    enum Change {
        ADDED("added_notice"), REMOVED("removed_notice"), REMOVED_BY_UNION("removed_by_union_notice");

        /** The {@link EventDetails#PASSKEY} value of the event recorded when the notice could not be queued. */
        final String detail;

        Change(String detail) {
            this.detail = detail;
        }
    }

    private final KeycloakSession session;

    public PasskeyNoticeListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        boolean added = event.getType() == EventType.UPDATE_CREDENTIAL;
        if (!(added || event.getType() == EventType.REMOVE_CREDENTIAL) || event.getUserId() == null || !isPasskey(event.getDetails())) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (user != null) {
            // The member's own request: the language the member sees now.
            notice(realm, user, added ? Change.ADDED : Change.REMOVED, session.getContext().resolveLocale(user).toLanguageTag());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        String userId = removedCredentialOwner(event);
        if (userId == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
        if (user != null) {
            // An admin's request: not the admin's browser language but the member's, or the realm's default.
            notice(realm, user, Change.REMOVED_BY_UNION, memberLanguage(realm, user));
        }
    }

    /** The member whose passkey the admin API removed, or null for any other admin event. */
    static String removedCredentialOwner(AdminEvent event) {
        if (event.getOperationType() != OperationType.ACTION || event.getResourceType() != ResourceType.USER
                || event.getResourcePath() == null || !isPasskey(event.getDetails())) {
            return null;
        }
        Matcher path = CREDENTIAL_PATH.matcher(event.getResourcePath());
        return path.matches() ? path.group(1) : null;
    }

    private static boolean isPasskey(Map<String, String> details) {
        return details != null && PASSKEY_TYPES.contains(details.get(Details.CREDENTIAL_TYPE));
    }

    private static String memberLanguage(RealmModel realm, UserModel user) {
        String chosen = user.getFirstAttribute(UserModel.LOCALE);
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        return realm.getDefaultLocale();
    }

    private void notice(RealmModel realm, UserModel user, Change change, String language) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String address : new String[] {user.getEmail(), user.getFirstAttribute(MemberAttributes.EMAIL_2),
                user.getFirstAttribute(MemberAttributes.EMAIL_3)}) {
            if (address != null && !address.isBlank()) {
                addresses.add(address);
            }
        }
        String at = JapanTime.nowForMail();
        for (String address : addresses) {
            QueuedMail.submit(session, realm,
                    new PasskeyNotice(address, language, user.getUsername(), change == Change.ADDED, at, change == Change.REMOVED_BY_UNION),
                    new EventBuilder(realm, session).event(EventType.SEND_VERIFY_EMAIL_ERROR).user(user)
                            .detail(EventDetails.PASSKEY, change.detail)
                            .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(address)));
        }
    }

    @Override
    public void close() {
    }
}
