package jp.kenpo.keycloak.login;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.kenpo.keycloak.common.InputNormalizer;
import jp.kenpo.keycloak.firstlogin.RegistrationMail;
import jp.kenpo.keycloak.firstlogin.RegistrationMailConfig;
import jp.kenpo.keycloak.forgot.ForgotConfig;
import jp.kenpo.keycloak.forgot.PasswordReissueAuthenticatorFactory;
import jp.kenpo.keycloak.forgot.TemporaryLogin;
import jp.kenpo.keycloak.lookup.LookupScreens;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The union's ログイン screen: login ID and password, checked by Keycloak's own username/password
 * logic (password hashing, brute-force protection, dummy hashing for unknown IDs).
 *
 * <p>What it adds: the login ID is taken as the member meant it (full-width letters and digits typed
 * with the IME on, stray spaces), and the same form can be shown as 新規利用登録, the entry for
 * members holding the union's letter with a pre-issued ID and temporary password, from which members
 * can also ask for 「利用登録手続きのご案内」 by email.
 */
public class LoginIdPasswordForm extends UsernamePasswordForm {

    /** Submitted by the 新規利用登録 button of the login screen. */
    static final String FIRST_LOGIN_PARAM = "kenpoFirstLogin";
    /** Submitted by the 新規利用登録 screen's own form, so errors re-render the same screen. */
    static final String SCREEN_PARAM = "kenpoScreen";
    public static final String SCREEN_FIRST_LOGIN = "firstLogin";
    public static final String SCREEN_TEMPORARY_LOGIN = "temporaryLogin";
    static final String SCREEN_LOGIN = "login";
    /** Auth note read once when the flow starts: which screen to show first (set by links in mails). */
    public static final String START_SCREEN_NOTE = "kenpo.login.startScreen";
    static final String SCREEN_NOTE = "kenpo.login.screen";
    /** Submitted by the 新規利用登録 screen's link 「事前登録されていない方はこちら…」. */
    static final String REGISTER_BY_EMAIL_PARAM = "kenpoRegisterByEmail";
    /** Submitted by the 送信する button of the registration-mail form. */
    static final String SEND_REGISTRATION_MAIL_PARAM = "kenpoSendRegistrationMail";
    static final String REGISTRATION_EMAIL_FIELD = "registrationEmail";
    static final String REGISTRATION_EMAIL_FORM = "kenpo-registration-email.ftl";
    static final String REGISTRATION_EMAIL_SENT = "kenpo-registration-email-sent.ftl";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        // The 利用登録手続きのご案内 link starts at 新規利用登録; every other start at ログイン.
        String start = context.getAuthenticationSession().getAuthNote(START_SCREEN_NOTE);
        context.getAuthenticationSession().removeAuthNote(START_SCREEN_NOTE);
        context.getAuthenticationSession().setAuthNote(SCREEN_NOTE, screenOrLogin(start));
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> submitted = context.getHttpRequest().getDecodedFormParameters();
        if (submitted.containsKey("cancel")) {
            context.cancelLogin();
            return;
        }
        if (submitted.containsKey(FIRST_LOGIN_PARAM)) {
            context.getAuthenticationSession().setAuthNote(SCREEN_NOTE, SCREEN_FIRST_LOGIN);
            LoginFormsProvider form = context.form();
            screenAttributes(context, form);
            context.challenge(createLoginForm(form));
            return;
        }
        if (LookupScreens.handle(context)) {
            return;
        }
        if (submitted.containsKey(REGISTER_BY_EMAIL_PARAM)) {
            context.challenge(context.form().createForm(REGISTRATION_EMAIL_FORM));
            return;
        }
        if (submitted.containsKey(SEND_REGISTRATION_MAIL_PARAM)) {
            sendRegistrationMail(context, submitted.getFirst(REGISTRATION_EMAIL_FIELD));
            return;
        }
        String screen = screenOrLogin(submitted.getFirst(SCREEN_PARAM));
        context.getAuthenticationSession().setAuthNote(SCREEN_NOTE, screen);

        MultivaluedMap<String, String> formData = new MultivaluedHashMap<>();
        submitted.forEach(formData::put);
        String loginId = InputNormalizer.loginId(submitted.getFirst(AuthenticationManager.FORM_USERNAME));
        if (loginId != null) {
            formData.putSingle(AuthenticationManager.FORM_USERNAME, loginId);
        }
        // Passwords are A-Z a-z 0-9 only, so full-width forms typed with the IME on can only mean their
        // half-width letters and digits; they are folded here exactly as when a password is set.
        String password = submitted.getFirst(CredentialRepresentation.PASSWORD);
        if (password != null) {
            formData.putSingle(CredentialRepresentation.PASSWORD, InputNormalizer.toHalfWidth(password));
        }
        if (SCREEN_TEMPORARY_LOGIN.equals(screen)) {
            // 仮ログイン: the temporary password from パスワード再発行, not the account's password.
            TemporaryLogin.attempt(context, loginId, formData.getFirst(CredentialRepresentation.PASSWORD),
                    error -> challenge(context, error, AuthenticationManager.FORM_USERNAME));
            return;
        }
        if (!validateForm(context, formData)) {
            return;
        }
        context.success(PasswordCredentialModel.TYPE);
    }

    private static String screenOrLogin(String screen) {
        return SCREEN_FIRST_LOGIN.equals(screen) || SCREEN_TEMPORARY_LOGIN.equals(screen) ? screen : SCREEN_LOGIN;
    }

    private void sendRegistrationMail(AuthenticationFlowContext context, String typedEmail) {
        RegistrationMailConfig config = RegistrationMailConfig.from(context.getAuthenticatorConfig());
        RegistrationMail.Outcome outcome = RegistrationMail.request(context, typedEmail, config);
        LoginFormsProvider form = context.form().setAttribute("kenpoRegistrationEmail", outcome.email());
        switch (outcome.result()) {
            case SENT -> context.challenge(form.createForm(REGISTRATION_EMAIL_SENT));
            case INVALID_ADDRESS -> context.challenge(form
                    .addError(new FormMessage(REGISTRATION_EMAIL_FIELD, "kenpoEmailInvalid")).createForm(REGISTRATION_EMAIL_FORM));
            case THROTTLED -> context.challenge(form.setError("kenpoRegistrationMailThrottled").createForm(REGISTRATION_EMAIL_FORM));
            case SEND_FAILED -> context.challenge(form.setError("kenpoRegistrationMailFailed").createForm(REGISTRATION_EMAIL_FORM));
            default -> throw new IllegalStateException("Unhandled result " + outcome.result());
        }
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        screenAttributes(context, context.form());
        return super.challenge(context, formData);
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        screenAttributes(context, context.form());
        return super.challenge(context, error, field);
    }

    private void screenAttributes(AuthenticationFlowContext context, LoginFormsProvider form) {
        String screen = context.getAuthenticationSession().getAuthNote(SCREEN_NOTE);
        form.setAttribute("kenpoScreen", screen == null ? SCREEN_LOGIN : screen);
        if (SCREEN_TEMPORARY_LOGIN.equals(screen)) {
            ForgotConfig reissue = ForgotConfig.from(context.getRealm().getAuthenticatorConfigByAlias(PasswordReissueAuthenticatorFactory.CONFIG_ALIAS));
            form.setAttribute("kenpoTemporaryValidityHours", reissue.validityHours());
        }
    }

    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        return form.createLoginUsernamePassword();
    }
}
