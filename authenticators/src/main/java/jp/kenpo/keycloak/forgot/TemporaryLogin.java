package jp.kenpo.keycloak.forgot;

import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.MailProof;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * 仮ログイン: the login ID and the temporary password from 「パスワード再発行のご案内」. On success the
 * account's password is not touched yet: the next step, パスワード変更, sets the new one. Wrong,
 * expired and reused temporary passwords are failures counted by Keycloak's brute-force protector.
 */
public final class TemporaryLogin {

    /** Auth note: whether the password change ends the member's other sessions. */
    static final String END_OTHER_SESSIONS_NOTE = "kenpo.reissue.endOtherSessions";
    static final String INVALID_MESSAGE = "kenpoTemporaryLoginInvalid";

    private TemporaryLogin() {
    }

    public static void attempt(AuthenticationFlowContext context, String loginId, String typedPassword,
                               Function<String, Response> errorPage) {
        context.getEvent().detail(Details.USERNAME, loginId == null ? "" : loginId);
        if (loginId == null || loginId.isEmpty()) {
            context.failureChallenge(AuthenticationFlowError.INVALID_USER, errorPage.apply(INVALID_MESSAGE));
            return;
        }
        // Lets Keycloak count a failure against this account even before it is the flow's user.
        context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, loginId);
        // Every attempt with an ID pays the realm's dummy hash (as an unknown ID does at ログイン), whether the
        // ID exists or not: a temporary password's own check is one SHA-256, far cheaper, and would
        // otherwise let the answer time tell a known ID from an unknown one.
        AuthenticatorUtils.dummyHash(context);
        UserModel user = context.getSession().users().getUserByUsername(context.getRealm(), loginId);
        if (user == null) {
            context.getEvent().clone().event(EventType.RESET_PASSWORD_ERROR).error(Errors.USER_NOT_FOUND);
            context.failureChallenge(AuthenticationFlowError.INVALID_USER, errorPage.apply(INVALID_MESSAGE));
            return;
        }
        String locked = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (!user.isEnabled() || locked != null) {
            context.getEvent().clone().event(EventType.RESET_PASSWORD_ERROR).user(user)
                    .error(locked != null ? locked : Errors.USER_DISABLED);
            context.forceChallenge(errorPage.apply(INVALID_MESSAGE));
            return;
        }
        TemporaryPasswords.Use use = TemporaryPasswords.use(context.getSession(), context.getRealm(), user, typedPassword);
        if (use.result() != TemporaryPasswords.Result.ACCEPTED) {
            context.getEvent().clone().event(EventType.RESET_PASSWORD_ERROR).user(user)
                    .detail(EventDetails.REISSUE, EventDetails.REISSUE_TEMPORARY_LOGIN)
                    .error(use.result() == TemporaryPasswords.Result.EXPIRED ? "expired_temporary_password" : "invalid_temporary_password");
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, errorPage.apply(INVALID_MESSAGE));
            return;
        }
        context.setUser(user);
        // The temporary password was mailed to this address: it is proven.
        if (!user.isEmailVerified()) {
            user.setEmailVerified(true);
        }
        MailProof.record(context, user);
        context.getAuthenticationSession().setAuthNote(END_OTHER_SESSIONS_NOTE, Boolean.toString(use.endOtherSessions()));
        context.getEvent().clone().event(EventType.RESET_PASSWORD).user(user)
                .detail(EventDetails.REISSUE, EventDetails.REISSUE_TEMPORARY_LOGIN).success();
        context.success(PasswordCredentialModel.TYPE);
    }
}
