package jp.kenpo.keycloak.lookup;

import java.util.EnumSet;
import java.util.Optional;

/**
 * One request of ID・パスワードの取得 and the rules of its life, without a database or a clock: every
 * answer takes "now" (milliseconds) from the caller, so the rules are tested with any time.
 *
 * <p>A request is created for every lookup that mails a link (whatever was found: {@code matched} is
 * false when nothing may be issued), and for every matched lookup waiting for the insured member's
 * approval. Its link opens at {@code opensAt} (null until approved) and closes at {@code expiresAt};
 * the insured member's stop link works until {@code stopUntil}.
 */
record LookupRequest(Status status, boolean matched, Long opensAt, long expiresAt, long stopUntil) {

    /** How long the insured member's stop link works after the request: long enough to take back an account already taken. */
    static final long STOP_VALIDITY_MILLIS = 30L * 24 * 3_600_000;
    /** How long a request waits for the insured member's approval. */
    static final long APPROVAL_VALIDITY_MILLIS = 7L * 24 * 3_600_000;

    enum Status {
        /** Approval mode: waiting for the insured member; no link has been mailed. */
        AWAITING_APPROVAL,
        /** The link was mailed; it opens at {@code opensAt}. */
        PENDING,
        /** The ID and a temporary password were shown. */
        REVEALED,
        /** Stopped by the insured member or staff. */
        STOPPED;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optional<Status> of(String value) {
            for (Status s : values()) {
                if (s.value().equals(value)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** What opening the link (GET) shows. */
    enum LinkPage { USED, ON_HOLD, READY }

    /** What pressing the link's button (POST) does. */
    enum Reveal { USED, ON_HOLD, NEUTRAL, CREDENTIALS }

    private static final EnumSet<Status> LIVE = EnumSet.of(Status.AWAITING_APPROVAL, Status.PENDING);

    /** A new request as mailed: its link opens after {@code holdMillis} (0: at once) and stays open {@code validityMillis}. */
    static LookupRequest mailed(boolean matched, long now, long holdMillis, long validityMillis) {
        long opens = now + Math.max(0, holdMillis);
        return new LookupRequest(Status.PENDING, matched, opens, opens + validityMillis, now + STOP_VALIDITY_MILLIS);
    }

    /** A new matched request in approval mode: no link until the insured member approves. */
    static LookupRequest awaitingApproval(long now) {
        return new LookupRequest(Status.AWAITING_APPROVAL, true, null, now + APPROVAL_VALIDITY_MILLIS, now + STOP_VALIDITY_MILLIS);
    }

    LinkPage link(long now) {
        if (status == Status.REVEALED || status == Status.AWAITING_APPROVAL || now >= expiresAt) {
            return LinkPage.USED;
        }
        // A stopped request looks like any other until its button is pressed: the page tells nobody it was stopped.
        return opensAt == null || now < opensAt ? LinkPage.ON_HOLD : LinkPage.READY;
    }

    Reveal reveal(long now) {
        return switch (link(now)) {
            case USED -> Reveal.USED;
            case ON_HOLD -> Reveal.ON_HOLD;
            case READY -> status == Status.PENDING && matched ? Reveal.CREDENTIALS : Reveal.NEUTRAL;
        };
    }

    boolean canStop(long now) {
        return matched && status != Status.STOPPED && now < stopUntil;
    }

    /** Stopping after the reveal must take the account back. */
    boolean recoversOnStop() {
        return status == Status.REVEALED;
    }

    boolean canApprove(long now) {
        return status == Status.AWAITING_APPROVAL && now < expiresAt;
    }

    /** Listed for staff: matched, not yet revealed or stopped, not expired. */
    boolean isPending(long now) {
        return matched && LIVE.contains(status) && now < expiresAt;
    }

    LookupRequest stopped() {
        return new LookupRequest(Status.STOPPED, matched, opensAt, expiresAt, stopUntil);
    }

    LookupRequest revealed() {
        return new LookupRequest(Status.REVEALED, matched, opensAt, expiresAt, stopUntil);
    }

    LookupRequest approved(long now, long validityMillis) {
        return new LookupRequest(Status.PENDING, matched, now, now + validityMillis, stopUntil);
    }
}
