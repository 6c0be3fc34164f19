package jp.kenpo.keycloak.forgot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.FieldErrors;
import jp.kenpo.keycloak.common.InputNormalizer;
import jp.kenpo.keycloak.common.JapanTime;
import jp.kenpo.keycloak.common.MailProof;
import jp.kenpo.keycloak.common.PackAuthenticator;
import jp.kenpo.keycloak.mail.MailQueue;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.rules.PasswordPolicyCheck;
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
import org.keycloak.policy.PolicyError;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * パスワード変更 after 仮ログイン: 新しいパスワード twice, with the password rule. Only shown in an attempt
 * that logged in with a temporary password; everyone else passes without seeing it. On success the
 * member's other sessions end (configurable) and every address of the account gets a notice.
 */
public class PasswordChangeAuthenticator extends PackAuthenticator {

    static final String FORM = "kenpo-password-change.ftl";
    static final String FIELD_PASSWORD = "password-new";
    static final String FIELD_CONFIRM = "password-confirm";
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
        String password = InputNormalizer.toHalfWidth(formData.getFirst(FIELD_PASSWORD) == null ? "" : formData.getFirst(FIELD_PASSWORD));
        String confirm = InputNormalizer.toHalfWidth(formData.getFirst(FIELD_CONFIRM) == null ? "" : formData.getFirst(FIELD_CONFIRM));

        List<FormMessage> errors = new ArrayList<>();
        if (password.isEmpty()) {
            errors.add(new FormMessage(FIELD_PASSWORD, "kenpoNewPasswordRequired"));
        } else {
            for (PolicyError error : PasswordPolicyCheck.violations(context.getSession(), context.getRealm(), user.getUsername(), password)) {
                errors.add(new FormMessage(FIELD_PASSWORD, error.getMessage(), error.getParameters()));
            }
        }
        if (confirm.isEmpty()) {
            errors.add(new FormMessage(FIELD_CONFIRM, "kenpoPasswordConfirmRequired"));
        } else if (!confirm.equals(password)) {
            errors.add(new FormMessage(FIELD_CONFIRM, "kenpoPasswordConfirmMismatch"));
        }
        if (!errors.isEmpty()) {
            LoginFormsProvider form = form(context).setErrors(FieldErrors.oneLineEach(errors));
            context.getEvent().clone().event(EventType.UPDATE_PASSWORD_ERROR).user(user)
                    .detail(EventDetails.REISSUE, "password_change").error("kenpo_password_rule");
            context.challenge(form.createForm(FORM));
            return;
        }

        user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
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

    /** The current attempt has no user session yet, so every existing one is "other". */
    private static int endSessions(KeycloakSession session, RealmModel realm, UserModel user) {
        List<UserSessionModel> sessions = session.sessions().getUserSessionsStream(realm, user).toList();
        sessions.forEach(s -> AuthenticationManager.backchannelLogout(session, realm, s, session.getContext().getUri(),
                session.getContext().getConnection(), session.getContext().getRequestHeaders(), true));
        return sessions.size();
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
        MailQueue queue = context.getSession().getProvider(MailQueue.class);
        for (String address : addresses) {
            queue.submit(context.getRealm(), new PasswordChangedNotice(address, language, user.getUsername(), changedAt));
        }
    }

    private static LoginFormsProvider form(AuthenticationFlowContext context) {
        return context.form()
                .setAttribute("kenpoPasswordMin", PasswordPolicyCheck.intPolicy(context.getRealm(), "length", 8))
                .setAttribute("kenpoPasswordMax", PasswordPolicyCheck.intPolicy(context.getRealm(), "maxLength", 39));
    }


}
