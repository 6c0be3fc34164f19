package jp.kenpo.keycloak.common;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;

/**
 * That this login attempt's member has just proven their address with a mail of the pack (仮ログイン with
 * the temporary password of 「パスワード再発行のご案内」): one step records it, later steps (the email key,
 * パスワード変更) read it, without knowing each other.
 */
public final class MailProof {

    private static final String NOTE = "kenpo.reissue.provenByMail";

    private MailProof() {
    }

    public static void record(AuthenticationFlowContext context, UserModel user) {
        context.getAuthenticationSession().setAuthNote(NOTE, user.getId());
    }

    /** True when this attempt's user logged in with a secret the pack mailed to the address. */
    public static boolean provenByMail(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        return user != null && user.getId().equals(context.getAuthenticationSession().getAuthNote(NOTE));
    }
}
