package jp.kenpo.keycloak.emailkey;

import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.MailProof;
import jp.kenpo.keycloak.member.MemberAttributes;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Condition for the email-key subflow: true (ask for the key) unless the union lets members switch
 * the key off (this condition's setting, off by default) and the member did (暗証キーによるログイン設定),
 * or the member logged in with the temporary password of 「パスワード再発行のご案内」 in this attempt (仮ログイン):
 * that mail proved the address, and no second step of the subflow (the key, or a passkey where the union asks
 * for one instead) is asked then.
 */
public class EmailKeyLoginCondition implements ConditionalAuthenticator {

    public static final String ALLOW_SWITCH_OFF = "kenpo.emailKeyLogin.allowMembersToSwitchOff";

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        if (MailProof.provenByMail(context)) {
            if (context.getEvent() != null) {
                context.getEvent().detail(EventDetails.EMAIL_KEY, EmailKeyAuthenticator.PROVEN_BY_REISSUE_MAIL);
            }
            return false;
        }
        return keyRequired(context.getAuthenticatorConfig(), context.getUser());
    }

    static boolean keyRequired(AuthenticatorConfigModel config, UserModel user) {
        boolean allowed = config != null && config.getConfig() != null
                && Boolean.parseBoolean(config.getConfig().getOrDefault(ALLOW_SWITCH_OFF, "false"));
        boolean switchedOff = user != null && MemberAttributes.OFF.equals(user.getFirstAttribute(MemberAttributes.EMAIL_KEY_LOGIN));
        return !(allowed && switchedOff);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
