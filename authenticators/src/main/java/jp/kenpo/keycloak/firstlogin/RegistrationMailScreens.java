package jp.kenpo.keycloak.firstlogin;

import jakarta.ws.rs.core.MultivaluedMap;
import jp.kenpo.keycloak.common.EmailAddress;
import jp.kenpo.keycloak.common.LoginEntry;
import jp.kenpo.keycloak.common.MailFrom;
import jp.kenpo.keycloak.common.QrCode;
import jp.kenpo.keycloak.common.StartScreen;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * 新規利用登録 by email's screens, shown from 新規利用登録 (「事前登録されていない方はこちら」): the address
 * form, then always the same "sent" page. The settings are those of the step that shows the screens.
 */
public final class RegistrationMailScreens {

    /** Submitted by the 新規利用登録 screen's link 「事前登録されていない方はこちら…」. */
    static final String OPEN = "kenpoRegisterByEmail";
    /** Submitted by the 送信する button of the registration-mail form. */
    static final String SEND = "kenpoSendRegistrationMail";
    static final String FIELD = "registrationEmail";
    static final String FORM = "kenpo-registration-email.ftl";
    static final String SENT = "kenpo-registration-email-sent.ftl";

    private RegistrationMailScreens() {
    }

    /**
     * For the 新規利用登録 screen: when 空メール registration is on, the registration address and a
     * {@code mailto:} QR code for it (members on a PC scan it with their phone), as
     * {@code kenpoEmptyMailAddress} and {@code kenpoEmptyMailQr}.
     */
    public static void emptyMailAttributes(AuthenticationFlowContext context, LoginFormsProvider form) {
        EmptyMailConfig config = EmptyMailConfig.from(context.getAuthenticatorConfig());
        if (!config.offersAddress() || EmailAddress.problem(config.address()).isPresent()) {
            return;
        }
        form.setAttribute("kenpoEmptyMailAddress", config.address());
        form.setAttribute("kenpoEmptyMailQr", QrCode.pngDataUri(EmailAddress.mailto(config.address()), 200));
    }

    /**
     * 新規利用登録 by email: the sender to allow, and the way to ID・パスワードの取得 for those without the union's letter
     * (the mail's link asks for the letter's ログインID and 仮パスワード).
     */
    private static LoginFormsProvider form(AuthenticationFlowContext context) {
        return MailFrom.on(context.form(), context.getRealm()).setAttribute("kenpoLookupUrl", LoginEntry.link(context, StartScreen.LOOKUP));
    }

    /** Handles the requests of these screens; false when the request is none of them. */
    public static boolean handle(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> submitted = context.getHttpRequest().getDecodedFormParameters();
        if (submitted.containsKey(OPEN)) {
            context.challenge(form(context).createForm(FORM));
            return true;
        }
        if (!submitted.containsKey(SEND)) {
            return false;
        }
        RegistrationMailConfig config = RegistrationMailConfig.from(context.getAuthenticatorConfig());
        RegistrationMail.Outcome outcome = RegistrationMail.request(context, submitted.getFirst(FIELD), config);
        LoginFormsProvider form = form(context).setAttribute("kenpoRegistrationEmail", outcome.email());
        switch (outcome.result()) {
            case SENT -> context.challenge(form.createForm(SENT));
            case INVALID_ADDRESS -> context.challenge(form.addError(new FormMessage(FIELD, outcome.problem())).createForm(FORM));
            case THROTTLED -> context.challenge(form.setError("kenpoRegistrationMailThrottled").createForm(FORM));
            case SEND_FAILED -> context.challenge(form.setError("kenpoRegistrationMailFailed").createForm(FORM));
            default -> throw new IllegalStateException("Unhandled result " + outcome.result());
        }
        return true;
    }
}
