package jp.kenpo.keycloak.login;

import java.util.EnumSet;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.kenpo.keycloak.common.InputNormalizer;
import jp.kenpo.keycloak.common.LoginEntry;
import jp.kenpo.keycloak.common.StartScreen;
import jp.kenpo.keycloak.firstlogin.RegistrationMailScreens;
import jp.kenpo.keycloak.forgot.ForgotConfig;
import jp.kenpo.keycloak.forgot.TemporaryLogin;
import jp.kenpo.keycloak.member.PreIssuedPassword;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.freemarker.model.LoginBean;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The union's ログイン screen: login ID and password, checked by Keycloak's own username/password
 * logic (password hashing, brute-force protection, dummy hashing for unknown IDs).
 *
 * <p>It assembles the screens that share its form: ログイン, 新規利用登録 (the union's letter with a
 * pre-issued ID and temporary password), 仮ログイン (the temporary password of パスワード再発行, owned by
 * {@code forgot}) and 新規利用登録 by email (owned by {@code firstlogin}). Each request goes to the
 * feature whose screen sent it, then to the password check. The login ID is taken as the member meant it
 * (full-width letters and digits typed with the IME on, stray spaces).
 *
 * <p>It renders the pack's own {@value #TEMPLATE} (a theme resource of the provider jar), not the theme's
 * {@code login.ftl}: so the screen and its links work whatever login theme the realm uses, and a theme
 * may still override the template by name.
 */
public class LoginIdPasswordForm extends UsernamePasswordForm {

    /** Submitted by the 新規利用登録 button of the login screen. */
    static final String FIRST_LOGIN_PARAM = "kenpoFirstLogin";
    /** Submitted by the 新規利用登録 screen's own form, so errors re-render the same screen. */
    static final String SCREEN_PARAM = "kenpoScreen";
    static final String SCREEN_FIRST_LOGIN = "firstLogin";
    static final String SCREEN_TEMPORARY_LOGIN = "temporaryLogin";
    static final String SCREEN_LOGIN = "login";
    static final String SCREEN_NOTE = "kenpo.login.screen";
    static final String TEMPLATE = "kenpo-login.ftl";

    private static final EnumSet<StartScreen> SCREENS = EnumSet.of(StartScreen.FIRST_LOGIN, StartScreen.TEMPORARY_LOGIN);

    /** A passkey chosen on ログイン (conditional UI) posts Keycloak's WebAuthn assertion fields. */
    private static final String PASSKEY_ASSERTION = "authenticatorData";
    private static final String PASSKEY_ERROR = "error";

    /**
     * With the session, Keycloak's username/password form also offers the member's passkeys on ログイン
     * (conditional UI) when the realm's passwordless WebAuthn policy has passkeys enabled; the passkey is
     * checked by Keycloak's own WebAuthn code.
     */
    public LoginIdPasswordForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        // The 利用登録手続きのご案内 and パスワード再発行のご案内 links open their screens; every other start is ログイン.
        String screen = LoginEntry.take(context.getAuthenticationSession(), SCREENS)
                .map(s -> s == StartScreen.FIRST_LOGIN ? SCREEN_FIRST_LOGIN : SCREEN_TEMPORARY_LOGIN)
                .orElse(SCREEN_LOGIN);
        context.getAuthenticationSession().setAuthNote(SCREEN_NOTE, screen);
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
            LoginFormsProvider form = context.form().setAttribute("login", new LoginBean(new MultivaluedHashMap<>()));
            screenAttributes(context, form);
            context.challenge(createLoginForm(form));
            return;
        }
        if (RegistrationMailScreens.handle(context)) {
            return;
        }
        if (webauthnAuth.isPasskeysEnabled() && (submitted.containsKey(PASSKEY_ASSERTION) || submitted.containsKey(PASSKEY_ERROR))) {
            super.action(context);
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
            TemporaryLogin.attempt(context, loginId, formData.getFirst(CredentialRepresentation.PASSWORD),
                    error -> challenge(context, error, AuthenticationManager.FORM_USERNAME));
            return;
        }
        if (!validateForm(context, formData)) {
            return;
        }
        context.success(PasswordCredentialModel.TYPE);
    }

    /**
     * A letter's password is stored with a cheap hash ({@link PreIssuedPassword}), while a wrong login ID
     * costs Keycloak's dummy hash with the realm's policy (Argon2) and every other password is checked with
     * that policy. So that such an account answers no faster than an unknown ID, it pays the same dummy
     * hash; an account whose password is already stored with the realm's hash (one created through the
     * admin API, one re-hashed at login) pays nothing more, or it would answer slower than an unknown ID.
     */
    @Override
    public boolean validatePassword(AuthenticationFlowContext context, UserModel user, MultivaluedMap<String, String> inputData,
                                    boolean clearUser) {
        if (Registration.isPending(user) && PreIssuedPassword.isStoredCheaply(user)) {
            AuthenticatorUtils.dummyHash(context);
        }
        return super.validatePassword(context, user, inputData, clearUser);
    }

    /**
     * The passkey offer on ログイン does not depend on the account: Keycloak's form offers it again after a
     * wrong password only when the typed ID's account has a passkey (or is unknown), so the page would tell
     * whether an ID exists and has none. Here every ログイン page offers it alike whenever passkeys are on.
     */
    @Override
    protected boolean isConditionalPasskeysEnabled(UserModel user) {
        return webauthnAuth != null && webauthnAuth.isPasskeysEnabled();
    }

    private static String screenOrLogin(String screen) {
        return SCREEN_FIRST_LOGIN.equals(screen) || SCREEN_TEMPORARY_LOGIN.equals(screen) ? screen : SCREEN_LOGIN;
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        LoginFormsProvider form = context.form();
        if (!formData.isEmpty()) {
            form.setFormData(formData);
        }
        screenAttributes(context, form);
        return form.setAttribute("login", new LoginBean(formData)).createForm(TEMPLATE);
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        LoginFormsProvider form = context.form();
        screenAttributes(context, form);
        // Keycloak's own login page gets the typed login ID back as "login"; createForm does not set it.
        form.setAttribute("login", new LoginBean(context.getHttpRequest().getDecodedFormParameters()));
        return super.challenge(context, error, field);
    }

    private void screenAttributes(AuthenticationFlowContext context, LoginFormsProvider form) {
        String screen = context.getAuthenticationSession().getAuthNote(SCREEN_NOTE);
        form.setAttribute("kenpoScreen", screen == null ? SCREEN_LOGIN : screen);
        form.setAttribute("kenpoLookupUrl", LoginEntry.link(context, StartScreen.LOOKUP));
        if (SCREEN_FIRST_LOGIN.equals(screen)) {
            RegistrationMailScreens.emptyMailAttributes(context, form);
        }
        if (SCREEN_TEMPORARY_LOGIN.equals(screen)) {
            form.setAttribute("kenpoTemporaryValidityHours", ForgotConfig.of(context.getRealm()).validityHours());
        }
    }

    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        return form.createForm(TEMPLATE);
    }
}
