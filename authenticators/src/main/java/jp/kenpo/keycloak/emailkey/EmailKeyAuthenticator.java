package jp.kenpo.keycloak.emailkey;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.kenpo.keycloak.common.BruteForceRefusal;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.MailProof;
import jp.kenpo.keycloak.common.Meters;
import jp.kenpo.keycloak.common.PackAuthenticator;
import jp.kenpo.keycloak.common.Secrets;
import jp.kenpo.keycloak.common.ServerKey;
import jp.kenpo.keycloak.common.Throttle;
import jp.kenpo.keycloak.common.UnionName;
import jp.kenpo.keycloak.trust.TrustedBrowser;
import jp.kenpo.keycloak.trust.TrustedBrowserConfig;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * 暗証キー: after the login ID and password, a one-time key is mailed to the member's registered
 * address and must be typed on the 暗証キー入力 screen.
 *
 * <p>The key belongs to this login attempt only (authentication-session notes), is stored hashed,
 * expires, allows a few tries, and can be re-requested within limits. Every wrong or expired key is
 * a {@code failureChallenge}, so Keycloak's brute-force protector counts it (the factory's reference
 * category is {@code otp}, one of the categories the protector accepts).
 */
public class EmailKeyAuthenticator extends PackAuthenticator {

    private static final Logger LOG = Logger.getLogger(EmailKeyAuthenticator.class);

    static final String FORM = "kenpo-email-key.ftl";
    static final String MAIL_TEMPLATE = "kenpo-email-key.ftl";
    static final String FIELD = "emailKey";
    static final String RESEND = "resend";
    /** Single-use-object store entries of accepted keys (by the key's salted HMAC, never the key). */
    private static final String USED_KEY_PREFIX = "kenpo-email-key-used:";

    /** Event detail names; values never contain the key or the full address. */
    static final String DETAIL_STEP = EventDetails.EMAIL_KEY;
    static final String DETAIL_MASKED_EMAIL = EventDetails.MASKED_EMAIL;
    static final String DETAIL_TRIES_LEFT = EventDetails.TRIES_LEFT;

    /** The {@link #DETAIL_STEP} of a login after 仮ログイン (the condition skips the subflow; the step passes, should a flow lack it). */
    static final String PROVEN_BY_REISSUE_MAIL = "proven_by_reissue_mail";

    static final String ERROR_WRONG = "invalid_email_key";
    static final String ERROR_EXPIRED = "expired_email_key";
    static final String ERROR_EXHAUSTED = "email_key_tries_exhausted";
    static final String ERROR_NO_KEY = "no_email_key";
    static final String ERROR_NO_ADDRESS = "email_key_no_address";
    static final String ERROR_SEND_FAILED = "email_key_send_failed";
    static final String ERROR_MAIL_CAP = "kenpo_email_key_mail_cap";
    /** {@link #DETAIL_STEP} of a request refused while another request of the member was being handled. */
    static final String STEP_BUSY = "previous_request_pending";

    /** What became of a key mail. */
    enum Mail { SENT, FAILED, CAPPED }

    /** Key mails by {@link Mail} outcome (Prometheus: kenpo_email_key_mails_total{outcome="sent"}). */
    static final String MAIL_METRIC = "kenpo.email.key.mails";
    /** Typed keys by verdict (Prometheus: kenpo_email_key_answers_total{outcome="accepted"}). */
    static final String ANSWER_METRIC = "kenpo.email.key.answers";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        EmailKeyStepEvent.time("challenge", () -> challengeStep(context));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        EmailKeyStepEvent.time("answer", () -> answerStep(context));
    }

    private void challengeStep(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        // A member who just logged in with the temporary password from 「パスワード再発行のご案内」 has
        // proven the address with that very mail: a second key to the same address proves nothing more.
        if (MailProof.provenByMail(context)) {
            context.getEvent().detail(DETAIL_STEP, PROVEN_BY_REISSUE_MAIL);
            context.success();
            return;
        }
        if (isLockedOut(context, user) || hasNoAddress(context, user)) {
            return;
        }
        // このブラウザを信頼する: a browser the member trusted (and the union allows) skips the key, never the password.
        if (TrustedBrowser.skipsKey(context, TrustedBrowserConfig.from(context.getAuthenticatorConfig()))) {
            context.getEvent().detail(DETAIL_STEP, "trusted_browser").detail(EventDetails.TRUSTED_BROWSER, "skipped");
            context.success(OTPCredentialModel.TYPE);
            return;
        }
        EmailKeyConfig config = EmailKeyConfig.from(context.getAuthenticatorConfig());
        EmailKeyChallenge challenge = challengeOf(context, config);
        // A reload of the page must not mail a new key each time: show the live one's form.
        if (challenge.hasLiveKey(Time.currentTimeMillis())) {
            context.challenge(form(context, config, challenge).createForm(FORM));
            return;
        }
        Mail sent = sendNewKey(context, config, challenge, "sent");
        LoginFormsProvider form = form(context, config, challenge);
        if (sent == Mail.FAILED) {
            form.setError(EmailKeyMessages.SEND_FAILED);
        } else if (sent == Mail.CAPPED) {
            form.setAttribute("kenpoResendLimitReached", true).setError(EmailKeyMessages.MAIL_CAP);
        }
        context.challenge(form.createForm(FORM));
    }

    private void answerStep(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (isLockedOut(context, user) || hasNoAddress(context, user)) {
            return;
        }
        EmailKeyConfig config = EmailKeyConfig.from(context.getAuthenticatorConfig());
        EmailKeyChallenge challenge = challengeOf(context, config);
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        if (formData.containsKey(RESEND)) {
            resend(context, config, challenge);
            return;
        }
        verify(context, config, challenge, formData);
    }

    private void verify(AuthenticationFlowContext context, EmailKeyConfig config, EmailKeyChallenge challenge,
                        MultivaluedMap<String, String> formData) {
        EmailKeyChallenge.Verdict verdict = challenge.verify(formData.getFirst(FIELD), Time.currentTimeMillis());
        Meters.outcome(ANSWER_METRIC, "Email keys typed at the 暗証キー step, by verdict", verdict.outcome());
        switch (verdict.outcome()) {
            case ACCEPTED -> {
                // Receiving the key proves the address (e.g. the one given at 利用者情報入力).
                if (!context.getUser().isEmailVerified()) {
                    context.getUser().setEmailVerified(true);
                }
                context.getEvent().detail(DETAIL_STEP, "verified");
                TrustedBrowserConfig trust = TrustedBrowserConfig.from(context.getAuthenticatorConfig());
                if (trust.enabled() && formData.containsKey(TrustedBrowser.FIELD)) {
                    TrustedBrowser.remember(context, trust);
                    context.getEvent().detail(EventDetails.TRUSTED_BROWSER, "remembered");
                }
                context.success(OTPCredentialModel.TYPE);
            }
            case EMPTY -> context.challenge(form(context, config, challenge)
                    .addError(new FormMessage(FIELD, EmailKeyMessages.EMPTY)).createForm(FORM));
            case WRONG -> {
                loginError(context, ERROR_WRONG).detail(DETAIL_TRIES_LEFT, Integer.toString(verdict.triesLeft()))
                        .error(ERROR_WRONG);
                fail(context, form(context, config, challenge)
                        .addError(new FormMessage(FIELD, EmailKeyMessages.WRONG, verdict.triesLeft())));
            }
            case EXHAUSTED -> {
                loginError(context, ERROR_EXHAUSTED).error(ERROR_EXHAUSTED);
                fail(context, form(context, config, challenge)
                        .addError(new FormMessage(FIELD, EmailKeyMessages.EXHAUSTED, config.maxAttempts())));
            }
            case EXPIRED -> {
                loginError(context, ERROR_EXPIRED).error(ERROR_EXPIRED);
                fail(context, form(context, config, challenge)
                        .addError(new FormMessage(FIELD, EmailKeyMessages.EXPIRED, config.validityMinutes())));
            }
            case NO_KEY -> {
                loginError(context, ERROR_NO_KEY).error(ERROR_NO_KEY);
                fail(context, form(context, config, challenge)
                        .addError(new FormMessage(FIELD, EmailKeyMessages.NO_KEY)));
            }
            default -> throw new IllegalStateException("Unhandled outcome " + verdict.outcome());
        }
    }

    private void resend(AuthenticationFlowContext context, EmailKeyConfig config, EmailKeyChallenge challenge) {
        long now = Time.currentTimeMillis();
        EmailKeyChallenge.ResendDecision decision = challenge.mayResend(now);
        switch (decision.outcome()) {
            case TOO_SOON -> context.challenge(form(context, config, challenge)
                    .setError(EmailKeyMessages.RESEND_TOO_SOON, decision.waitSeconds()).createForm(FORM));
            case LIMIT_REACHED -> context.challenge(form(context, config, challenge)
                    .setAttribute("kenpoResendLimitReached", true)
                    .setError(EmailKeyMessages.RESEND_LIMIT, config.maxResends()).createForm(FORM));
            case ALLOWED -> {
                challenge.countResend();
                Mail sent = sendNewKey(context, config, challenge, "resent");
                LoginFormsProvider form = form(context, config, challenge);
                switch (sent) {
                    case SENT -> form.setInfo(EmailKeyMessages.RESENT);
                    case FAILED -> form.setError(EmailKeyMessages.SEND_FAILED);
                    case CAPPED -> form.setAttribute("kenpoResendLimitReached", true).setError(EmailKeyMessages.MAIL_CAP);
                    default -> throw new IllegalStateException("Unhandled mail outcome " + sent);
                }
                context.challenge(form.createForm(FORM));
            }
            default -> throw new IllegalStateException("Unhandled resend outcome " + decision.outcome());
        }
    }

    /**
     * Kills the current key, then mails a new one and only stores it once the mail went out: a key the
     * member never received must not stay valid, and a failed send leaves no half-issued state. Each mail
     * counts against the member's hourly cap, across login attempts (the attempt's own resend counter
     * ends with the attempt; whoever holds the password could otherwise start attempts without end).
     */
    private Mail sendNewKey(AuthenticationFlowContext context, EmailKeyConfig config, EmailKeyChallenge challenge, String step) {
        Mail mail = mailNewKey(context, config, challenge, step);
        Meters.outcome(MAIL_METRIC, "Email key mails: sent, failed (SMTP) or capped (the member's hourly limit)", mail);
        return mail;
    }

    private Mail mailNewKey(AuthenticationFlowContext context, EmailKeyConfig config, EmailKeyChallenge challenge, String step) {
        UserModel user = context.getUser();
        challenge.invalidate();
        if (!Throttle.of(context.getSession()).admit(event(context, EventType.SEND_VERIFY_EMAIL_ERROR).detail(DETAIL_STEP, step),
                ERROR_MAIL_CAP, Throttle.Limit.perHour("email-key-member", user.getId(), config.mailsPerHour()))) {
            return Mail.CAPPED;
        }
        String key = Secrets.numericKey(config.digits());
        try {
            EmailKeyMail.send(context.getSession(), context.getRealm(), user, context.getAuthenticationSession(), key,
                    config.validityMinutes());
        } catch (EmailException e) {
            // The exception text can carry the address; log the user's id and the cause's type only.
            LOG.warnf("Email key mail for user %s could not be sent (%s)", user.getId(), e.getClass().getSimpleName());
            event(context, EventType.SEND_VERIFY_EMAIL_ERROR).detail(DETAIL_STEP, step).error(ERROR_SEND_FAILED);
            return Mail.FAILED;
        }
        challenge.issue(key, Time.currentTimeMillis());
        event(context, EventType.SEND_VERIFY_EMAIL).detail(DETAIL_STEP, step).success();
        return Mail.SENT;
    }

    /**
     * Refuses the request, without looking at the key or sending one, while Keycloak's brute-force protector
     * refuses the member. Only a recorded lockout ends the attempt (「ログイン画面に戻る」); a refusal because
     * another request of the member is still being handled keeps the form, says to try again in a moment, and
     * uses up neither a try nor a 再請求 (see {@link BruteForceRefusal}).
     */
    private boolean isLockedOut(AuthenticationFlowContext context, UserModel user) {
        BruteForceRefusal refusal = BruteForceRefusal.of(context, user);
        if (!refusal.refused()) {
            return false;
        }
        EmailKeyConfig config = EmailKeyConfig.from(context.getAuthenticatorConfig());
        LoginFormsProvider form = form(context, config, challengeOf(context, config));
        if (refusal.kind() == BruteForceRefusal.Kind.BUSY) {
            context.getEvent().clone().user(user).detail(DETAIL_STEP, STEP_BUSY).error(refusal.error());
            form.setError(EmailKeyMessages.BUSY);
        } else {
            context.getEvent().clone().user(user).error(refusal.error());
            form.setAttribute("kenpoLocked", true).setError(EmailKeyMessages.LOCKED);
        }
        context.forceChallenge(form.createForm(FORM));
        return true;
    }

    private boolean hasNoAddress(AuthenticationFlowContext context, UserModel user) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
            return false;
        }
        context.getEvent().clone().user(user).error(ERROR_NO_ADDRESS);
        context.forceChallenge(context.form()
                .setAttribute("kenpoNoAddress", true)
                .setError(EmailKeyMessages.NO_ADDRESS, UnionName.of(context.getRealm()))
                .createForm(FORM));
        return true;
    }

    private void fail(AuthenticationFlowContext context, LoginFormsProvider form) {
        Response response = form.createForm(FORM);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, response);
    }

    private EventBuilder loginError(AuthenticationFlowContext context, String what) {
        return context.getEvent().clone().user(context.getUser())
                .detail(DETAIL_STEP, what)
                .detail(DETAIL_MASKED_EMAIL, EmailMasker.mask(context.getUser().getEmail()));
    }

    private EventBuilder event(AuthenticationFlowContext context, EventType type) {
        return context.getEvent().clone().event(type).user(context.getUser())
                .detail(DETAIL_MASKED_EMAIL, EmailMasker.mask(context.getUser().getEmail()));
    }

    private LoginFormsProvider form(AuthenticationFlowContext context, EmailKeyConfig config, EmailKeyChallenge challenge) {
        return context.form()
                .setAttribute("kenpoMaskedEmail", EmailMasker.mask(context.getUser().getEmail()))
                .setAttribute("kenpoValidityMinutes", config.validityMinutes())
                .setAttribute("kenpoKeyDigits", config.digits())
                .setAttribute("kenpoResendsLeft", challenge.resendsLeft())
                .setAttribute("kenpoTrustDays", TrustedBrowserConfig.from(context.getAuthenticatorConfig()).days());
    }

    static EmailKeyChallenge challengeOf(AuthenticationFlowContext context, EmailKeyConfig config) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return new EmailKeyChallenge(new EmailKeyChallenge.Notes() {
            @Override
            public String get(String name) {
                return authSession.getAuthNote(name);
            }

            @Override
            public void set(String name, String value) {
                authSession.setAuthNote(name, value);
            }

            @Override
            public void remove(String name) {
                authSession.removeAuthNote(name);
            }
        }, (keyHash, lifespanSeconds) -> context.getSession().singleUseObjects().putIfAbsent(USED_KEY_PREFIX + keyHash, lifespanSeconds),
                config, ServerKey.Ring.of(context.getSession(), context.getRealm()));
    }

}
