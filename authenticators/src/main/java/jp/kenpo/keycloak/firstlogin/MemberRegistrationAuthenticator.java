package jp.kenpo.keycloak.firstlogin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jp.kenpo.keycloak.common.EmailAddress;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.FieldErrors;
import jp.kenpo.keycloak.common.LoginEntry;
import jp.kenpo.keycloak.common.PackAuthenticator;
import jp.kenpo.keycloak.common.StartScreen;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.member.Registration;
import jp.kenpo.keycloak.rules.LoginIdRules;
import jp.kenpo.keycloak.rules.NewPassword;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * 利用者情報入力: a member who logged in with the union's letter (pre-issued login ID and temporary
 * password, account marked not yet registered) chooses a new login ID and password and gives an
 * address and a nickname. Then 利用者情報登録完了 is shown and the member is <em>not</em> logged in:
 * the next login, with the new ID, goes through the email key, which also proves the new address.
 *
 * <p>Members whose account is already registered pass this step without seeing anything.
 */
public class MemberRegistrationAuthenticator extends PackAuthenticator {

    /** Single-use-object key of a registration in progress (the account's id follows). */
    private static final String REGISTERING_PREFIX = "kenpo-registering:";
    /** Long enough to cover requests sent at once; a registered account is never pending again. */
    private static final long REGISTERING_SECONDS = 300;

    static final String FORM = "kenpo-member-registration.ftl";
    static final String COMPLETE = "kenpo-registration-complete.ftl";
    static final String EXPIRED = "kenpo-temporary-password-expired.ftl";

    /** Auth note: registration done in this attempt; only the completion page is shown from now on. */
    static final String COMPLETED_NOTE = "kenpo.registration.completed";
    /**
     * Auth note: the address the 利用登録手続きのご案内 link was mailed to, prefilled. Not taken as verified:
     * whoever had the mail sent could hand the link to a letter-holder; the first email key proves it.
     */
    public static final String MAILED_EMAIL_NOTE = "kenpo.registration.mailedEmail";
    /** 利用者情報登録完了's field for a corrected address (a typo at 利用者情報入力 would lock the member out). */
    static final String FIELD_CORRECTED_EMAIL = "correctedEmail";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (handledWithoutForm(context)) {
            return;
        }
        UserModel user = context.getUser();
        MemberRegistrationConfig config = MemberRegistrationConfig.from(context.getAuthenticatorConfig());
        String mailed = context.getAuthenticationSession().getAuthNote(MAILED_EMAIL_NOTE);
        String email = mailed != null ? mailed : user.getEmail() == null ? "" : user.getEmail();
        // The ID strip above the form shows the letter's ID as the letter prints it (Keycloak keeps it in lower case).
        context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, Registration.shownLoginId(user));
        context.challenge(form(context, "", email, config.defaultNickname()).createForm(FORM));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (context.getAuthenticationSession().getAuthNote(COMPLETED_NOTE) != null
                && context.getHttpRequest().getDecodedFormParameters().containsKey(FIELD_CORRECTED_EMAIL)) {
            correctEmail(context, context.getHttpRequest().getDecodedFormParameters().getFirst(FIELD_CORRECTED_EMAIL));
            return;
        }
        if (handledWithoutForm(context)) {
            return;
        }
        UserModel user = context.getUser();
        MemberRegistrationConfig config = MemberRegistrationConfig.from(context.getAuthenticatorConfig());
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        MemberRegistrationInput input = MemberRegistrationInput.of(
                formData.getFirst(MemberRegistrationInput.FIELD_LOGIN_ID),
                formData.getFirst(MemberRegistrationInput.FIELD_PASSWORD),
                formData.getFirst(MemberRegistrationInput.FIELD_PASSWORD_CONFIRM),
                formData.getFirst(MemberRegistrationInput.FIELD_EMAIL),
                formData.getFirst(MemberRegistrationInput.FIELD_NICKNAME));

        List<MemberRegistrationInput.Problem> problems = new ArrayList<>(input.check(LoginIdRules.defaults(), config));
        problems.addAll(passwordProblems(context, user, input));
        if (problems.stream().noneMatch(p -> p.field().equals(MemberRegistrationInput.FIELD_LOGIN_ID))) {
            UserModel holder = context.getSession().users().getUserByUsername(context.getRealm(), input.loginId());
            if (holder != null && !holder.getId().equals(user.getId())) {
                problems.add(new MemberRegistrationInput.Problem(MemberRegistrationInput.FIELD_LOGIN_ID, "kenpoLoginIdTaken"));
            }
        }
        if (!problems.isEmpty()) {
            LoginFormsProvider form = form(context, input.loginId(), input.email(), input.nickname())
                    .setErrors(FieldErrors.oneLineEach(problems.stream()
                            .map(p -> new FormMessage(p.field(), p.messageKey(), p.params())).toList()));
            context.getEvent().clone().event(EventType.UPDATE_PROFILE_ERROR).user(user)
                    .detail(EventDetails.REGISTRATION, "rejected")
                    .detail(EventDetails.FIELDS, String.join(",", problems.stream().map(MemberRegistrationInput.Problem::field).distinct().toList()))
                    .error("kenpo_registration_invalid_input");
            context.challenge(form.createForm(FORM));
            return;
        }
        // One letter registers one account once: when several tabs or browsers submit at the same moment, only
        // the first claim (cluster-wide) registers; the others are told the registration is already under way.
        if (!context.getSession().singleUseObjects().putIfAbsent(REGISTERING_PREFIX + user.getId(), REGISTERING_SECONDS)) {
            context.getEvent().clone().event(EventType.UPDATE_PROFILE_ERROR).user(user)
                    .detail(EventDetails.REGISTRATION, "rejected").error("kenpo_registration_concurrent");
            context.challenge(context.form().setError("kenpoRegistrationConcurrent")
                    .createErrorPage(jakarta.ws.rs.core.Response.Status.CONFLICT));
            return;
        }
        register(context, user, input, config);
        context.getAuthenticationSession().setAuthNote(COMPLETED_NOTE, "true");
        context.challenge(completion(context).createForm(COMPLETE));
    }

    /**
     * After registration only the completion page; for registered members nothing at all; for a
     * temporary password past its validity the page that says what to do. This step runs only after
     * the password was checked, so only whoever typed the right password learns that it expired.
     */
    private static boolean handledWithoutForm(AuthenticationFlowContext context) {
        if (context.getAuthenticationSession().getAuthNote(COMPLETED_NOTE) != null) {
            context.challenge(completion(context).createForm(COMPLETE));
            return true;
        }
        if (!Registration.isPending(context.getUser())) {
            context.success();
            return true;
        }
        MemberRegistrationConfig config = MemberRegistrationConfig.from(context.getAuthenticatorConfig());
        TemporaryPasswordExpiry.Verdict verdict = new TemporaryPasswordExpiry(Clock.systemUTC()).check(context.getUser(), config);
        if (verdict.expired()) {
            refuseExpired(context, verdict.kind(), config);
            return true;
        }
        return false;
    }

    /** 利用者情報登録完了 with the address just registered, so that a typo is seen (and corrected) before it locks the member out. */
    private static LoginFormsProvider completion(AuthenticationFlowContext context) {
        String email = context.getUser().getEmail();
        return context.form().setAttribute("kenpoRegisteredEmail", email == null ? "" : email);
    }

    /**
     * The member corrects the address on 利用者情報登録完了, in the same login attempt that just registered with the
     * letter's password (so nobody else can): the same checks as at 利用者情報入力, and like any typed address it
     * is proven only by its first email key.
     */
    private static void correctEmail(AuthenticationFlowContext context, String typed) {
        String email = EmailAddress.typed(typed);
        Optional<String> problem = EmailAddress.problem(email);
        if (problem.isPresent()) {
            context.challenge(completion(context).setAttribute("kenpoCorrectedEmail", email)
                    .addError(new FormMessage(FIELD_CORRECTED_EMAIL, problem.get())).createForm(COMPLETE));
            return;
        }
        UserModel user = context.getUser();
        if (!email.equalsIgnoreCase(user.getEmail())) {
            String before = user.getEmail();
            user.setEmail(email);
            user.setEmailVerified(false);
            context.getEvent().clone().event(EventType.UPDATE_EMAIL).user(user)
                    .detail(Details.PREVIOUS_EMAIL, EmailMasker.mask(before == null ? "" : before))
                    .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email))
                    .detail(EventDetails.REGISTRATION, "email_corrected")
                    .success();
        }
        context.challenge(completion(context).setSuccess("kenpoRegistrationCompleteEmailFixed").createForm(COMPLETE));
    }

    /** An expired temporary password is a failed login: an event, and a page that says what to do. */
    private static void refuseExpired(AuthenticationFlowContext context, TemporaryPasswordExpiry.Kind kind, MemberRegistrationConfig config) {
        boolean lookup = kind == TemporaryPasswordExpiry.Kind.LOOKUP;
        context.getEvent().clone().event(EventType.LOGIN_ERROR).user(context.getUser())
                .detail(EventDetails.REGISTRATION, "temporary_password_expired")
                .error(lookup ? "kenpo_lookup_password_expired" : "kenpo_letter_password_expired");
        LoginFormsProvider form = context.form()
                .setAttribute("kenpoExpiredKind", lookup ? "lookup" : "letter")
                .setAttribute("kenpoValidity", String.valueOf(lookup ? config.lookupPasswordValidityHours() : config.letterPasswordValidityDays()));
        if (lookup) {
            form.setAttribute("kenpoLookupUrl", LoginEntry.link(context, StartScreen.LOOKUP));
        }
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, form.createForm(EXPIRED));
    }

    private void register(AuthenticationFlowContext context, UserModel user, MemberRegistrationInput input, MemberRegistrationConfig config) {
        boolean alreadyProven = user.isEmailVerified() && input.email().equalsIgnoreCase(user.getEmail());
        user.setUsername(input.loginId());
        // The completion page's ID strip shows the new login ID, never the letter's (the next login uses the new one).
        context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, input.loginId());
        // Replacing the password credential is what kills the temporary password from the letter.
        user.credentialManager().updateCredential(UserCredentialModel.password(input.newPassword().password(), false));
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        user.setEmail(input.email());
        // A new address is proven by its first email key, never by this form or the registration link.
        user.setEmailVerified(alreadyProven);
        user.setSingleAttribute(MemberAttributes.NICKNAME, input.nicknameOr(config.defaultNickname()));
        user.setSingleAttribute(MemberAttributes.REGISTRATION, Registration.REGISTERED);
        user.setSingleAttribute(MemberAttributes.REGISTERED_AT, Instant.now().toString());
        user.removeAttribute(MemberAttributes.LETTER_PASSWORD_ISSUED_AT);
        user.removeAttribute(MemberAttributes.LOOKUP_PASSWORD_ISSUED_AT);
        context.getEvent().clone().event(EventType.REGISTER).user(user)
                .detail(Details.USERNAME, input.loginId())
                .detail(Details.REGISTER_METHOD, "kenpo-pre-issued")
                .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(input.email()))
                .success();
        context.getEvent().clone().event(EventType.UPDATE_PASSWORD).user(user)
                .detail(Details.USERNAME, input.loginId()).success();
    }

    /** Every rule of the realm's password policy the new password breaks; then that it is not the letter's. */
    private List<MemberRegistrationInput.Problem> passwordProblems(AuthenticationFlowContext context, UserModel user,
                                                                  MemberRegistrationInput input) {
        List<MemberRegistrationInput.Problem> problems = new ArrayList<>();
        input.newPassword().policyProblems(context.getSession(), context.getRealm(), input.loginId(), MemberRegistrationInput.PASSWORD_FORM)
                .forEach(m -> problems.add(new MemberRegistrationInput.Problem(m.getField(), m.getMessage(), m.getParameters())));
        if (!input.newPassword().password().isEmpty() && problems.isEmpty()
                && user.credentialManager().isValid(UserCredentialModel.password(input.newPassword().password()))) {
            problems.add(new MemberRegistrationInput.Problem(MemberRegistrationInput.FIELD_PASSWORD, "kenpoPasswordSameAsTemporary"));
        }
        return problems;
    }

    private LoginFormsProvider form(AuthenticationFlowContext context, String loginId, String email, String nickname) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(MemberRegistrationInput.FIELD_LOGIN_ID, loginId == null ? "" : loginId);
        values.put(MemberRegistrationInput.FIELD_EMAIL, email == null ? "" : email);
        values.put(MemberRegistrationInput.FIELD_NICKNAME, nickname == null ? "" : nickname);
        LoginIdRules rules = LoginIdRules.defaults();
        return NewPassword.describeRules(context.form()
                .setAttribute("kenpoValues", values)
                .setAttribute("kenpoLoginIdMin", rules.minLength())
                .setAttribute("kenpoLoginIdMax", rules.maxLength()), context.getRealm());
    }


}
