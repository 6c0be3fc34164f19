package jp.kenpo.keycloak.lookup;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriBuilder;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.JapanTime;
import jp.kenpo.keycloak.lookup.postal.PostalRequests;
import jp.kenpo.keycloak.mail.MailJob;
import jp.kenpo.keycloak.mail.MemberMailer;
import jp.kenpo.keycloak.member.Households;
import jp.kenpo.keycloak.member.MemberAttributes;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What a lookup sets off, after the response and whatever it found, as the realm's delivery setting says
 * ({@link LookupDelivery}). The typed address always gets one mail 「お問い合わせ結果のご連絡」 of the same
 * shape within a delivery mode: with a link (hold, immediate: the link then shows the ID or one neutral page),
 * or a receipt without a link (approval, post). A registered member's own address also gets its login ID.
 * For a member whose ID may be issued, every verified address of the household's insured member is told at
 * once, with a stop link (and, in approval mode, an approve link).
 */
record LookupMail(LookupOutcome outcome, String email, String languageTag, URI baseUri, LookupConfig config) implements MailJob {

    static final String SUBJECT = "kenpoLookupResultSubject";
    static final String NOTICE_SUBJECT = "kenpoLookupNoticeSubject";
    private static final DateTimeFormatter FOR_MAIL = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    @Override
    public String description() {
        return "Lookup result mail";
    }

    @Override
    public String recipient() {
        return email;
    }

    @Override
    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        MemberMailer mailer = new MemberMailer(session, realm);
        UserModel user = outcome.userId() == null ? null : session.users().getUserById(realm, outcome.userId());
        boolean issuable = outcome.kind() == MemberLookup.Kind.ISSUABLE && user != null && user.isEnabled() && !MemberLookup.isRegistered(user);
        if (outcome.kind() == MemberLookup.Kind.REGISTERED && user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
            mailer.sendToAddress(user.getEmail(), languageTag, SUBJECT, "kenpo-lookup-registered.ftl", Map.of("loginId", user.getUsername()));
            event(session, realm, EventType.SEND_RESET_PASSWORD, user).detail(EventDetails.LOOKUP, "registered_notice_sent")
                    .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(user.getEmail())).success();
        }
        LookupDelivery delivery = config.delivery();
        long now = Time.currentTimeMillis();
        switch (delivery) {
            case POST -> {
                if (issuable) {
                    String id = PostalRequests.storeForLookup(session, realm, user.getFirstAttribute(MemberAttributes.FAMILY_NAME_KANJI) + " "
                                    + user.getFirstAttribute(MemberAttributes.GIVEN_NAME_KANJI),
                            user.getFirstAttribute(MemberAttributes.FAMILY_NAME_KANA) + " " + user.getFirstAttribute(MemberAttributes.GIVEN_NAME_KANA),
                            user.getFirstAttribute(MemberAttributes.SYMBOL), user.getFirstAttribute(MemberAttributes.NUMBER));
                    event(session, realm, EventType.RESET_PASSWORD, user).detail(EventDetails.LOOKUP, "requested")
                            .detail(EventDetails.LOOKUP_DELIVERY, delivery.value()).detail(EventDetails.POSTAL_REQUEST, id).success();
                }
                mailer.sendToAddress(email, languageTag, SUBJECT, "kenpo-lookup-received.ftl", Map.of("delivery", delivery.value()));
            }
            case APPROVAL -> {
                if (issuable) {
                    LookupRequests.Created created = LookupRequests.create(session, realm, LookupRequest.awaitingApproval(now), delivery, user,
                            email, languageTag, now);
                    requested(session, realm, user, created, delivery);
                    notifyInsured(session, realm, mailer, user, created);
                }
                mailer.sendToAddress(email, languageTag, SUBJECT, "kenpo-lookup-received.ftl", Map.of("delivery", delivery.value()));
            }
            case HOLD, IMMEDIATE -> {
                long hold = delivery == LookupDelivery.HOLD ? config.holdSeconds() * 1000L : 0;
                LookupRequest state = LookupRequest.mailed(issuable, now, hold, config.linkValiditySeconds() * 1000L);
                LookupRequests.Created created = LookupRequests.create(session, realm, state, delivery, issuable ? user : null,
                        email, languageTag, now);
                if (issuable) {
                    requested(session, realm, user, created, delivery);
                    notifyInsured(session, realm, mailer, user, created);
                }
                mailer.sendToAddress(email, languageTag, SUBJECT, "kenpo-lookup-result.ftl",
                        linkAttributes(realm, created.linkKey(), delivery == LookupDelivery.HOLD ? state.opensAt() : null,
                                config.linkValidityHours()));
                if (issuable) {
                    event(session, realm, EventType.SEND_RESET_PASSWORD, user).detail(EventDetails.LOOKUP, "link_sent")
                            .detail(EventDetails.LOOKUP_REQUEST, created.entity().getId())
                            .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email)).success();
                }
            }
        }
    }

    /** The link mail's attributes: the link, when it opens (hold only) and how long it stays open. */
    Map<String, Object> linkAttributes(RealmModel realm, String key, Long opensAt, int validityHours) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("link", url(baseUri, realm, "credentials", key));
        attributes.put("validityHours", validityHours);
        if (opensAt != null) {
            attributes.put("opensAt", forMail(opensAt));
        }
        return attributes;
    }

    static String url(URI baseUri, RealmModel realm, String page, String key) {
        return UriBuilder.fromUri(baseUri).path("realms").path(realm.getName())
                .path(LookupCredentialsResource.PATH).path(page).queryParam("key", key).build().toString();
    }

    static String forMail(long millis) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), JapanTime.ZONE).format(FOR_MAIL);
    }

    private void requested(KeycloakSession session, RealmModel realm, UserModel user, LookupRequests.Created created, LookupDelivery delivery) {
        event(session, realm, EventType.RESET_PASSWORD, user).detail(EventDetails.LOOKUP, "requested")
                .detail(EventDetails.LOOKUP_DELIVERY, delivery.value())
                .detail(EventDetails.LOOKUP_REQUEST, created.entity().getId()).success();
    }

    /** Every verified address of the household's insured member (本人) hears of the request now, with a stop link. */
    private void notifyInsured(KeycloakSession session, RealmModel realm, MemberMailer mailer, UserModel dependent,
                               LookupRequests.Created created) throws EmailException {
        List<UserModel> insured = Households.of(session, realm, dependent)
                .filter(u -> MemberAttributes.RELATIONSHIP_SELF.equals(u.getFirstAttribute(MemberAttributes.RELATIONSHIP)))
                .filter(UserModel::isEnabled)
                .filter(u -> u.isEmailVerified() && u.getEmail() != null && !u.getEmail().isBlank())
                .toList();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("requestedAt", forMail(created.entity().getCreatedAt()));
        attributes.put("stopLink", url(baseUri, realm, "stop", created.stopKey()));
        if (created.approveKey() != null) {
            attributes.put("approveLink", url(baseUri, realm, "approve", created.approveKey()));
        }
        if (created.entity().getOpensAt() != null && created.entity().getOpensAt() > created.entity().getCreatedAt()) {
            attributes.put("opensAt", forMail(created.entity().getOpensAt()));
        }
        for (UserModel member : insured) {
            mailer.send(member, null, NOTICE_SUBJECT, "kenpo-lookup-notice.ftl", attributes);
            event(session, realm, EventType.SEND_RESET_PASSWORD, dependent).detail(EventDetails.LOOKUP, "notice_sent")
                    .detail(EventDetails.LOOKUP_REQUEST, created.entity().getId())
                    .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(member.getEmail())).success();
        }
    }

    private static EventBuilder event(KeycloakSession session, RealmModel realm, EventType type, UserModel user) {
        return new EventBuilder(realm, session).event(type).user(user);
    }
}
