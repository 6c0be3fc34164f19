package jp.kenpo.keycloak.forgot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.FieldErrors;
import jp.kenpo.keycloak.common.JapanTime;
import jp.kenpo.keycloak.common.MailProof;
import jp.kenpo.keycloak.common.PackAuthenticator;
import jp.kenpo.keycloak.mail.QueuedMail;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.rules.NewPassword;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * パスワード変更 after 仮ログイン: 新しいパスワード twice, with the password rule. Only shown in an attempt
 * that logged in with a temporary password; everyone else passes without seeing it. On success the
 * member's other sessions end (configurable) and every address of the account gets a notice.
 */
public class PasswordChangeAuthenticator extends PackAuthenticator {

    static final String FORM = "kenpo-password-change.ftl";
    /** This screen's fields and their messages (新しいパスワード). */
    static final NewPassword.Form PASSWORD_FORM = new NewPassword.Form("password-new", "password-confirm",
            "kenpoNewPasswordRequired", "kenpoPasswordConfirmRequired", "kenpoPasswordConfirmMismatch");
    /** Additional addresses a member may register (profile settings); notices go to all of them. */
    static final List<String> EXTRA_ADDRESS_ATTRIBUTES = List.of(MemberAttributes.EMAIL_2, MemberAttributes.EMAIL_3);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!MailProof.provenByMail(context)) {
            context.success();
            return;
        }
        context.challenge(form(context).createForm(FORM));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (!MailProof.provenByMail(context)) {
            context.success();
            return;
        }
        UserModel user = context.getUser();
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        NewPassword typed = NewPassword.typed(formData.getFirst(PASSWORD_FORM.field()), formData.getFirst(PASSWORD_FORM.confirmField()));
        List<FormMessage> errors = new ArrayList<>(typed.policyProblems(context.getSession(), context.getRealm(), user.getUsername(), PASSWORD_FORM));
        errors.addAll(typed.typingProblems(PASSWORD_FORM));
        if (!errors.isEmpty()) {
            LoginFormsProvider form = form(context).setErrors(FieldErrors.oneLineEach(errors));
            context.getEvent().clone().event(EventType.UPDATE_PASSWORD_ERROR).user(user)
                    .detail(EventDetails.REISSUE, "password_change").error("kenpo_password_rule");
            context.challenge(form.createForm(FORM));
            return;
        }

        user.credentialManager().updateCredential(UserCredentialModel.password(typed.password(), false));
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        boolean endOthers = Boolean.parseBoolean(context.getAuthenticationSession().getAuthNote(TemporaryLogin.END_OTHER_SESSIONS_NOTE));
        int ended = endOthers ? endSessions(context.getSession(), context.getRealm(), user) : 0;
        context.getEvent().clone().event(EventType.UPDATE_PASSWORD).user(user)
                .detail(EventDetails.REISSUE, "password_changed")
                .detail(EventDetails.ENDED_SESSIONS, Integer.toString(ended)).success();
        context.getEvent().detail(Details.CREDENTIAL_TYPE, "password");
        queueNotice(context, user);
        context.success();
    }

    /**
     * The current attempt has no user session yet, so every existing one is "other". Recovery also ends the
     * offline sessions (their refresh tokens stop working) and revokes the consents given to clients: whoever
     * held the account before the recovery keeps nothing.
     */
    private static int endSessions(KeycloakSession session, RealmModel realm, UserModel user) {
        List<UserSessionModel> sessions = session.sessions().getUserSessionsStream(realm, user).toList();
        sessions.forEach(s -> AuthenticationManager.backchannelLogout(session, realm, s, session.getContext().getUri(),
                session.getContext().getConnection(), session.getContext().getRequestHeaders(), true));
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user).toList();
        offline.forEach(s -> session.sessions().removeOfflineUserSession(realm, s));
        session.users().getConsentsStream(realm, user.getId()).map(c -> c.getClient().getId()).toList()
                .forEach(clientId -> session.users().revokeConsentForClient(realm, user.getId(), clientId));
        return sessions.size() + offline.size();
    }

    private static void queueNotice(AuthenticationFlowContext context, UserModel user) {
        Set<String> addresses = new LinkedHashSet<>();
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
            addresses.add(user.getEmail());
        }
        for (String attribute : EXTRA_ADDRESS_ATTRIBUTES) {
            String extra = user.getFirstAttribute(attribute);
            if (extra != null && !extra.isBlank()) {
                addresses.add(extra);
            }
        }
        if (addresses.isEmpty()) {
            return;
        }
        String changedAt = JapanTime.nowForMail();
        String language = context.getSession().getContext().resolveLocale(user).toLanguageTag();
        for (String address : addresses) {
            // The change is done; a notice the queue refused is an event error for admins.
            QueuedMail.submit(context.getSession(), context.getRealm(), new PasswordChangedNotice(address, language, user.getUsername(), changedAt),
                    context.getEvent().clone().event(EventType.UPDATE_PASSWORD_ERROR).user(user)
                            .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(address)));
        }
    }

    private static LoginFormsProvider form(AuthenticationFlowContext context) {
        return NewPassword.describeRules(context.form(), context.getRealm());
    }


}
