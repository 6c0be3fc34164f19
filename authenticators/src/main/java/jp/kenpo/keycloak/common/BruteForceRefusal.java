package jp.kenpo.keycloak.common;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;

/**
 * Whether Keycloak's brute-force protector refuses this member now, and why: a lockout it has recorded, or
 * only another request of the same member still being handled on this node.
 *
 * <p>Keycloak's default protector ({@code default-brute-force-detector} with {@code allowConcurrentRequests=false})
 * lets one request per member through at a time: while another request of the member is in progress, or while
 * the failure of the previous one is still being recorded (that happens after the answer, on another thread), it
 * answers "temporarily disabled" exactly as for a lockout. Those refusals last milliseconds, or as long as a slow
 * request such as a mail to a hung mail server, and nothing is counted for them. Telling a member that the
 * account is locked after one wrong key, or after pressing 再請求 twice, would be wrong; the refusal itself
 * stays (it is what keeps parallel guesses from outrunning the count).
 */
public record BruteForceRefusal(Kind kind, String error) {

    public enum Kind {
        /** Not refused. */
        NONE,
        /** A lockout Keycloak recorded: the account is disabled, or a wait is set that has not passed. */
        LOCKED,
        /** Refused while another request of the member is handled; the next try a moment later goes through. */
        BUSY
    }

    private static final BruteForceRefusal NONE = new BruteForceRefusal(Kind.NONE, null);

    public boolean refused() {
        return kind != Kind.NONE;
    }

    /** Asks Keycloak's protector, then Keycloak's record of the member's failures why it refuses. */
    public static BruteForceRefusal of(AuthenticationFlowContext context, UserModel user) {
        String error = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (error == null) {
            return NONE;
        }
        UserLoginFailureModel failures = context.getSession().loginFailures().getUserLoginFailure(context.getRealm(), user.getId());
        int notBefore = failures == null ? 0 : failures.getFailedLoginNotBefore();
        return new BruteForceRefusal(kind(true, user.isEnabled(), notBefore, Time.currentTimeMillis() / 1000), error);
    }

    /**
     * A refusal is a lockout when the record says so (a permanent lockout disables the account; a temporary one
     * sets a time, in seconds, before which no login is allowed); any other refusal is the one-at-a-time guard.
     * Either way the member is refused: only the words on the screen depend on this.
     */
    static Kind kind(boolean refused, boolean enabled, int failedLoginNotBefore, long nowSeconds) {
        if (!refused) {
            return Kind.NONE;
        }
        return !enabled || nowSeconds < failedLoginNotBefore ? Kind.LOCKED : Kind.BUSY;
    }
}
