package jp.kenpo.keycloak.firstlogin.emptymail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jp.kenpo.keycloak.common.EmailAddress;

/**
 * Mail hygiene for the 空メール mailbox, over a mail's size and headers only (never its body): which
 * mails get 「利用登録手続きのご案内」 and why the others do not. Bounces, auto-replies and list mail are
 * never answered (RFC 3834), nor the pack's own addresses (no mail loops).
 */
public final class EmptyMailRules {

    /** The headers the rules read: the poller fetches only these. */
    public static final List<String> HEADERS = List.of("Message-ID", "From", "Return-Path", "Auto-Submitted",
            "Precedence", "List-Id", "List-Unsubscribe", "Content-Type", "X-Autoreply", "X-Autorespond",
            "X-Auto-Response-Suppress");

    /** Why a mail is not answered (the event's {@code kenpo_empty_mail_reason}). */
    public enum Reason {
        TOO_LARGE, AUTO_SUBMITTED, AUTO_REPLY, BULK, LIST_MAIL, BOUNCE, NULL_RETURN_PATH, MAILER_DAEMON, NO_SENDER,
        OWN_ADDRESS;

        public String detail() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reply to {@code sender}, or ignore for {@code reason}. */
    public record Verdict(String sender, Reason reason) {
        public boolean answer() {
            return reason == null;
        }
    }

    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster");
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "list", "junk", "auto_reply");

    private EmptyMailRules() {
    }

    /** Checked before anything is read: a mail larger than {@code maxBytes} is set aside unread. */
    public static boolean tooLarge(long size, long maxBytes) {
        return size > maxBytes;
    }

    /**
     * Decides over the mail's headers (names case-insensitive, as many values as the mail has) and the
     * addresses that must never be answered (the realm's sender, the mailbox's own address).
     */
    public static Verdict classify(Map<String, List<String>> headers, Set<String> ownAddresses) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        Optional<String> autoSubmitted = first(h, "Auto-Submitted");
        if (autoSubmitted.isPresent() && !autoSubmitted.get().toLowerCase(Locale.ROOT).startsWith("no")) {
            return ignore(Reason.AUTO_SUBMITTED);
        }
        if (first(h, "X-Autoreply").isPresent() || first(h, "X-Autorespond").isPresent()
                || first(h, "X-Auto-Response-Suppress").map(v -> v.toLowerCase(Locale.ROOT))
                        .filter(v -> v.contains("all") || v.contains("autoreply") || v.contains("oof")).isPresent()) {
            return ignore(Reason.AUTO_REPLY);
        }
        if (first(h, "Precedence").map(v -> v.toLowerCase(Locale.ROOT)).filter(BULK_PRECEDENCE::contains).isPresent()) {
            return ignore(Reason.BULK);
        }
        if (first(h, "List-Id").isPresent() || first(h, "List-Unsubscribe").isPresent()) {
            return ignore(Reason.LIST_MAIL);
        }
        if (first(h, "Content-Type").map(v -> v.toLowerCase(Locale.ROOT)).filter(v -> v.startsWith("multipart/report")).isPresent()) {
            return ignore(Reason.BOUNCE);
        }
        Optional<String> returnPath = first(h, "Return-Path").map(v -> v.replaceAll("[<>\\s]", ""));
        if (returnPath.isEmpty() || returnPath.get().isEmpty()) {
            return ignore(Reason.NULL_RETURN_PATH);
        }
        if (isDaemon(returnPath.get())) {
            return ignore(Reason.MAILER_DAEMON);
        }
        List<String> from = h.getOrDefault("From", List.of());
        if (from.size() != 1) {
            return ignore(Reason.NO_SENDER);
        }
        String sender;
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(from.get(0), true);
            if (addresses.length != 1) {
                return ignore(Reason.NO_SENDER);
            }
            sender = addresses[0].getAddress();
        } catch (AddressException e) {
            return ignore(Reason.NO_SENDER);
        }
        if (sender == null || EmailAddress.problem(sender).isPresent()) {
            return ignore(Reason.NO_SENDER);
        }
        if (isDaemon(sender)) {
            return ignore(Reason.MAILER_DAEMON);
        }
        if (ownAddresses.stream().anyMatch(own -> own != null && own.trim().equalsIgnoreCase(sender))) {
            return ignore(Reason.OWN_ADDRESS);
        }
        return new Verdict(sender, null);
    }

    private static boolean isDaemon(String address) {
        int at = address.lastIndexOf('@');
        String local = (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
        return DAEMONS.contains(local);
    }

    private static Verdict ignore(Reason reason) {
        return new Verdict(null, reason);
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? Optional.empty() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst();
    }
}
