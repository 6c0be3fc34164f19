package jp.kenpo.keycloak.firstlogin.emptymail;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.Secrets;
import jp.kenpo.keycloak.common.StepConfig;
import jp.kenpo.keycloak.common.Throttle;
import jp.kenpo.keycloak.firstlogin.EmptyMailConfig;
import jp.kenpo.keycloak.firstlogin.RegistrationMailConfig;
import jp.kenpo.keycloak.firstlogin.RegistrationStartMail;
import jp.kenpo.keycloak.mail.MailQueue;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.vault.VaultStringSecret;

/**
 * One poll of a realm's 空メール mailbox: for each mail, claim it cluster-wide (so it is answered at most
 * once, even if this node dies half-way), decide with {@link EmptyMailRules}, count it against the
 * throttles, queue 「利用登録手続きのご案内」 on the pack's mail queue, then set it aside (read and moved
 * to the processed folder, or deleted) so that no later poll sees it again.
 */
final class EmptyMailPoller {

    private static final Logger LOG = Logger.getLogger(EmptyMailPoller.class);
    private static final Pattern VAULT_REFERENCE = Pattern.compile("^\\$\\{vault\\.[^}]+}$");
    /** A claimed mail is never answered again for this long, even if it could not be moved away. */
    static final int CLAIM_SECONDS = 30 * 86_400;
    /** Mails handled per poll; the rest wait for the next one. */
    static final int MAX_PER_POLL = 200;
    private static final int TIMEOUT_MILLIS = 10_000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EmptyMailConfig config;
    private final Map<String, Integer> counts = new HashMap<>();

    private EmptyMailPoller(KeycloakSession session, RealmModel realm, EmptyMailConfig config) {
        this.session = session;
        this.realm = realm;
        this.config = config;
        for (String count : List.of(EmptyMailStatus.RECEIVED, EmptyMailStatus.ANSWERED, EmptyMailStatus.IGNORED,
                EmptyMailStatus.THROTTLED)) {
            counts.put(count, 0);
        }
    }

    static void poll(KeycloakSession session, RealmModel realm, EmptyMailConfig config) {
        new EmptyMailPoller(session, realm, config).poll();
    }

    private void poll() {
        Optional<URI> base = publicUrl();
        Optional<String> password = password();
        if (config.host().isBlank() || config.user().isBlank() || base.isEmpty() || password.isEmpty()) {
            LOG.warnf("Empty-mail registration of realm %s is on but not set up: %s; nothing read", realm.getName(),
                    config.host().isBlank() || config.user().isBlank() ? "no IMAP host or user"
                            : base.isEmpty() ? "no public URL (kenpo.emptyMail.publicUrl or the realm's Frontend URL)"
                            : "the password is not a vault reference ${vault.key} or the vault has no such secret");
            EmptyMailStatus.record(session, realm, EmptyMailStatus.NOT_CONFIGURED, counts);
            return;
        }
        String protocol = config.tls() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
        properties.setProperty("mail." + protocol + ".timeout", Integer.toString(TIMEOUT_MILLIS));
        if (config.tls()) {
            properties.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        Store store = null;
        try {
            store = Session.getInstance(properties).getStore(protocol);
            store.connect(config.host(), config.port(), config.user(), password.get());
            Folder folder = store.getFolder(config.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Folder processed = processedFolder(store);
                handleAll(folder, processed, base.get());
            } finally {
                folder.close(true);
            }
            EmptyMailStatus.record(session, realm, EmptyMailStatus.OK, counts);
            // One line per poll at DEBUG (category jp.kenpo.keycloak.firstlogin.emptymail): which node read the
            // mailbox and what it did; the cluster test reads it to see that both nodes poll.
            LOG.debugf("Empty-mail registration mailbox of realm %s polled: received %d, answered %d, ignored %d, throttled %d",
                    realm.getName(), counts.get(EmptyMailStatus.RECEIVED), counts.get(EmptyMailStatus.ANSWERED),
                    counts.get(EmptyMailStatus.IGNORED), counts.get(EmptyMailStatus.THROTTLED));
        } catch (MessagingException e) {
            // No password here: Jakarta Mail's messages carry the server's answer, never the credentials.
            LOG.warnf("Empty-mail registration mailbox of realm %s cannot be reached (%s://%s:%d, folder %s): %s: %s; retried in %d s",
                    realm.getName(), protocol, config.host(), config.port(), config.folder(), e.getClass().getSimpleName(),
                    shorten(e.getMessage()), config.intervalSeconds());
            EmptyMailStatus.record(session, realm, EmptyMailStatus.UNREACHABLE, counts);
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException ignored) {
                    // closing a broken connection
                }
            }
        }
    }

    private void handleAll(Folder folder, Folder processed, URI base) throws MessagingException {
        int total = folder.getMessageCount();
        if (total == 0) {
            return;
        }
        Message[] messages = folder.getMessages(1, Math.min(total, MAX_PER_POLL));
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.FLAGS);
        EmptyMailRules.HEADERS.forEach(profile::add);
        folder.fetch(messages, profile);
        long uidValidity = folder instanceof UIDFolder uids ? uids.getUIDValidity() : 0;
        Set<String> own = ownAddresses();
        for (Message message : messages) {
            if (message.isSet(Flags.Flag.DELETED)) {
                continue;
            }
            String id = identity(folder, message, uidValidity);
            boolean tooLarge = EmptyMailRules.tooLarge(message.getSize(), config.maxBytes());
            Map<String, List<String>> headers = new HashMap<>();
            if (!tooLarge) {
                for (String name : EmptyMailRules.HEADERS) {
                    String[] values = message.getHeader(name);
                    if (values != null) {
                        headers.put(name, Arrays.asList(values));
                    }
                }
            }
            // Each mail in its own transaction: its claim, throttle counts and events are committed before
            // the next mail is looked at (Keycloak's single-use store writes at commit).
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), mailSession -> {
                RealmModel mailRealm = mailSession.realms().getRealm(realm.getId());
                mailSession.getContext().setRealm(mailRealm);
                String claim = "kenpo-empty-mail:" + realm.getId() + ":" + Secrets.sha256(id);
                if (mailSession.singleUseObjects().putIfAbsent(claim, CLAIM_SECONDS)) {
                    handle(mailSession, mailRealm, tooLarge, headers, own, base);
                } else {
                    LOG.debugf("Empty mail already handled (realm %s); setting it aside", realm.getName());
                }
            });
            setAside(folder, message, processed);
        }
    }

    private void handle(KeycloakSession mailSession, RealmModel mailRealm, boolean tooLarge,
                        Map<String, List<String>> headers, Set<String> own, URI base) {
        count(EmptyMailStatus.RECEIVED);
        String masked = tooLarge ? "" : maskedFrom(headers.get("From"));
        event(mailSession, mailRealm, EventType.SEND_VERIFY_EMAIL, masked).detail(EventDetails.EMPTY_MAIL, "received").success();
        EmptyMailRules.Verdict verdict = tooLarge ? new EmptyMailRules.Verdict(null, EmptyMailRules.Reason.TOO_LARGE)
                : EmptyMailRules.classify(headers, own);
        if (!verdict.answer()) {
            count(EmptyMailStatus.IGNORED);
            event(mailSession, mailRealm, EventType.SEND_VERIFY_EMAIL_ERROR, masked).detail(EventDetails.EMPTY_MAIL, "ignored")
                    .detail(EventDetails.EMPTY_MAIL_REASON, verdict.reason().detail()).error("kenpo_empty_mail_ignored");
            return;
        }
        String sender = verdict.sender();
        String senderMasked = EmailMasker.mask(sender);
        if (!Throttle.of(mailSession).admit(
                event(mailSession, mailRealm, EventType.SEND_VERIFY_EMAIL_ERROR, senderMasked).detail(EventDetails.EMPTY_MAIL, "throttled"),
                "kenpo_empty_mail_throttled",
                Throttle.Limit.perHour("empty-mail-address", sender.toLowerCase(Locale.ROOT), config.perAddressPerHour()),
                Throttle.Limit.perHour("empty-mail-realm", realm.getId(), config.perRealmPerHour()))) {
            count(EmptyMailStatus.THROTTLED);
            return;
        }
        int validity = RegistrationMailConfig.from(StepConfig.of(mailRealm, EmptyMailConfig.STEP)).validitySeconds();
        RegistrationStartMail mail = new RegistrationStartMail(sender, null, base, Constants.ACCOUNT_CONSOLE_CLIENT_ID, validity, null);
        if (mailSession.getProvider(MailQueue.class).submit(mailRealm, new EmptyMailReply(mail))) {
            count(EmptyMailStatus.ANSWERED);
        } else {
            event(mailSession, mailRealm, EventType.SEND_VERIFY_EMAIL_ERROR, senderMasked).detail(EventDetails.EMPTY_MAIL, "not_queued")
                    .error("kenpo_registration_mail_failed");
        }
    }

    private void setAside(Folder folder, Message message, Folder processed) throws MessagingException {
        message.setFlag(Flags.Flag.SEEN, true);
        if (processed != null) {
            folder.copyMessages(new Message[] {message}, processed);
        }
        message.setFlag(Flags.Flag.DELETED, true);
    }

    private Folder processedFolder(Store store) throws MessagingException {
        if (config.processedFolder().isBlank()) {
            return null;
        }
        Folder processed = store.getFolder(config.processedFolder());
        if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("Processed folder " + config.processedFolder() + " cannot be created");
        }
        return processed;
    }

    /** The mail's Message-ID, or its UID in this folder's UIDVALIDITY when it has none. */
    private static String identity(Folder folder, Message message, long uidValidity) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
            return "id:" + ids[0].trim();
        }
        long uid = folder instanceof UIDFolder uids ? uids.getUID(message) : message.getMessageNumber();
        return "uid:" + folder.getFullName() + ":" + uidValidity + ":" + uid;
    }

    private Set<String> ownAddresses() {
        Set<String> own = new LinkedHashSet<>();
        Map<String, String> smtp = realm.getSmtpConfig();
        if (smtp != null) {
            own.add(smtp.get("from"));
            own.add(smtp.get("replyTo"));
            own.add(smtp.get("envelopeFrom"));
        }
        own.add(config.address());
        if (config.user().contains("@")) {
            own.add(config.user());
        }
        own.removeIf(a -> a == null || a.isBlank());
        return own;
    }

    private Optional<URI> publicUrl() {
        String url = !config.publicUrl().isBlank() ? config.publicUrl() : realm.getAttribute("frontendUrl");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.trim());
            return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The mailbox password from Keycloak's vault; only a {@code ${vault.key}} reference is accepted. */
    private Optional<String> password() {
        if (!VAULT_REFERENCE.matcher(config.password()).matches()) {
            return Optional.empty();
        }
        try (VaultStringSecret secret = session.vault().getStringSecret(config.password())) {
            return secret.get().filter(p -> !p.isEmpty());
        }
    }

    private static EventBuilder event(KeycloakSession mailSession, RealmModel mailRealm, EventType type, String maskedEmail) {
        EventBuilder event = new EventBuilder(mailRealm, mailSession).event(type);
        if (maskedEmail != null && !maskedEmail.isEmpty()) {
            event.detail(EventDetails.MASKED_EMAIL, maskedEmail);
        }
        return event;
    }

    private static String maskedFrom(List<String> from) {
        if (from == null || from.isEmpty()) {
            return "";
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(from.get(0), false);
            return addresses.length == 0 ? "" : EmailMasker.mask(addresses[0].getAddress());
        } catch (MessagingException e) {
            return "";
        }
    }

    private void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    private static String shorten(String message) {
        if (message == null) {
            return "";
        }
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
