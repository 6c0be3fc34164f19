package jp.kenpo.keycloak.passkey;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.JapanTime;
import jp.kenpo.keycloak.mail.QueuedMail;
import jp.kenpo.keycloak.member.EventMember;
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

    /** The admin API's credential removal ({@code DELETE …/users/{id}/credentials/{credentialId}}). */
    private static final Pattern CREDENTIAL = Pattern.compile("credentials/[^/]+");

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
        EventMember member = EventMember.find(session, event.getRealmId(), event.getUserId());
        if (member != null) {
            // The member's own request: the language the member sees now.
            notice(member.realm(), member.user(), added ? Change.ADDED : Change.REMOVED,
                    session.getContext().resolveLocale(member.user()).toLanguageTag());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        EventMember member = EventMember.find(session, event.getRealmId(), removedCredentialOwner(event));
        if (member != null) {
            // An admin's request: not the admin's browser language but the member's, or the realm's default.
            notice(member.realm(), member.user(), Change.REMOVED_BY_UNION, memberLanguage(member.realm(), member.user()));
        }
    }

    /** The member whose passkey the admin API removed, or null for any other admin event. */
    static String removedCredentialOwner(AdminEvent event) {
        return isPasskey(event.getDetails()) ? EventMember.adminActionOn(event, CREDENTIAL) : null;
    }

    private static boolean isPasskey(Map<String, String> details) {
        // Set.of(…).contains(null) throws: most admin events (the pack's own among them) name no credential type.
        String type = details == null ? null : details.get(Details.CREDENTIAL_TYPE);
        return type != null && PASSKEY_TYPES.contains(type);
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
