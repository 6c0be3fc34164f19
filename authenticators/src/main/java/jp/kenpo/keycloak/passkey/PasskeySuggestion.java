package jp.kenpo.keycloak.passkey;

import java.time.Instant;
import java.util.List;

import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.MailProof;
import jp.kenpo.keycloak.common.PackAuthenticator;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.authenticators.browser.WebAuthnConditionalUIAuthenticator;
import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * パスキーのご案内: once, after a login with the 暗証キー, a member without a passkey is told
 * 「次回からパスキーで簡単・安全にログインできます」 and can register one at once (Keycloak's own passkey
 * registration, {@code webauthn-register-passwordless}) or choose 「今はしない」. Either answer is kept on the
 * member, so the screen does not come back; プロフィール設定 still offers the registration.
 *
 * <p>Never after 仮ログイン (the mailbox, not the member, may be at the keyboard) nor for accounts that are
 * not registered yet, and only when the realm has passkeys on.
 */
public class PasskeySuggestion extends PackAuthenticator {

    static final String FORM = "kenpo-passkey-suggestion.ftl";
    static final String REGISTER = "register";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!suggests(context)) {
            context.success();
            return;
        }
        context.challenge(context.form().createForm(FORM));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        boolean register = context.getHttpRequest().getDecodedFormParameters().containsKey(REGISTER);
        user.setSingleAttribute(MemberAttributes.PASSKEY_SUGGESTED_AT, Instant.ofEpochMilli(Time.currentTimeMillis()).toString());
        if (register) {
            context.getAuthenticationSession().addRequiredAction(WebAuthnPasswordlessRegisterFactory.PROVIDER_ID);
        }
        context.getEvent().detail(EventDetails.PASSKEY, register ? "suggestion_accepted" : "suggestion_declined");
        context.success();
    }

    static boolean suggests(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null || !WebAuthnConditionalUIAuthenticator.isPasskeysEnabled(context.getSession())
                || Registration.isPending(user) || MailProof.provenByMail(context)
                || user.getFirstAttribute(MemberAttributes.PASSKEY_SUGGESTED_AT) != null
                || user.credentialManager().isConfiguredFor(WebAuthnCredentialModel.TYPE_PASSWORDLESS)) {
            return false;
        }
        List<String> used = AuthenticatorUtil.getAuthnCredentials(context.getAuthenticationSession());
        return used != null && used.contains(OTPCredentialModel.TYPE);
    }
}
