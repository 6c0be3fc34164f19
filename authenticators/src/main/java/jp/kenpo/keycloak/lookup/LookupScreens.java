package jp.kenpo.keycloak.lookup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jp.kenpo.keycloak.common.InputNormalizer;
import jp.kenpo.keycloak.common.JapanTime;
import jp.kenpo.keycloak.common.MailQueue;
import jp.kenpo.keycloak.common.Throttle;
import jp.kenpo.keycloak.forgot.PasswordReissueAuthenticatorFactory;
import jp.kenpo.keycloak.lookup.postal.PostalScreens;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.utils.EmailValidationUtil;

/**
 * ID・パスワードの取得 (manual 000, steps 3 and 4), shown from the login screen and from パスワード再発行:
 * the member's data, then a receiving address, then always the same page. What the lookup found stays
 * in the authentication session (server side); the mail goes out from {@link MailQueue}.
 */
public final class LookupScreens {

    static final String OPEN = "kenpoLookup";
    static final String NEXT = "kenpoLookupNext";
    static final String SEND = "kenpoLookupSend";
    static final String FORM = "kenpo-lookup.ftl";
    static final String EMAIL_FORM = "kenpo-lookup-email.ftl";
    static final String SENT = "kenpo-lookup-sent.ftl";
    static final String OUTCOME_NOTE = "kenpo.lookup.outcome";

    static final List<String> FIELDS = List.of("employeeNumber", "symbol", "number", "familyKanji", "givenKanji",
            "familyKana", "givenKana", "birthEra", "birthYear", "birthMonth", "birthDay");

    private LookupScreens() {
    }

    /** Handles the lookup's own requests; false when the request is not one of them. */
    public static boolean handle(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        boolean postal = PostalScreens.isPostalRequest(form);
        // Every login and reissue POST passes here: settings are read only for the lookup's own requests.
        if (!postal && !form.containsKey(OPEN) && !form.containsKey(NEXT) && !form.containsKey(SEND)) {
            return false;
        }
        // Realm-wide settings of ID・パスワードの取得 live with the パスワード再発行 step's settings.
        LookupConfig config = LookupConfig.from(context.getRealm()
                .getAuthenticatorConfigByAlias(PasswordReissueAuthenticatorFactory.CONFIG_ALIAS));
        if (postal) {
            PostalScreens.handle(context, config.staffAddress());
            return true;
        }
        if (form.containsKey(OPEN)) {
            context.challenge(lookupForm(context, Map.of()).createForm(FORM));
            return true;
        }
        if (form.containsKey(NEXT)) {
            next(context, form, config);
            return true;
        }
        if (form.containsKey(SEND)) {
            send(context, form, config);
            return true;
        }
        return false;
    }

    private static void next(AuthenticationFlowContext context, MultivaluedMap<String, String> form, LookupConfig config) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, form.getFirst(f) == null ? "" : form.getFirst(f).strip()));
        List<FormMessage> errors = new ArrayList<>();
        for (String required : List.of("symbol", "number", "familyKanji", "givenKanji", "familyKana", "givenKana")) {
            if (values.get(required).isBlank()) {
                errors.add(new FormMessage(required, "kenpoLookupRequired_" + required));
            }
        }
        Optional<LocalDate> birth = BirthDate.parse(values.get("birthEra"), values.get("birthYear"), values.get("birthMonth"), values.get("birthDay"));
        if (birth.isEmpty()) {
            errors.add(new FormMessage("birthDate", "kenpoLookupBirthDateInvalid"));
        }
        if (!errors.isEmpty()) {
            LoginFormsProvider page = lookupForm(context, values);
            errors.forEach(page::addError);
            context.challenge(page.createForm(FORM));
            return;
        }
        Throttle throttle = new Throttle(context.getSession().singleUseObjects());
        String household = MemberIdentity.code(values.get("symbol")) + "-" + MemberIdentity.code(values.get("number"));
        if (!throttle.tryAcquire("lookup-client", context.getConnection().getRemoteAddr(), config.perClientPerHour(), 3600)
                || !throttle.tryAcquire("lookup-number", household, config.perNumberPerDay(), 86_400)) {
            context.getEvent().clone().event(EventType.RESET_PASSWORD_ERROR)
                    .detail("kenpo_lookup", "throttled")
                    .detail("kenpo_symbol", MemberIdentity.mask(MemberIdentity.code(values.get("symbol"))))
                    .detail("kenpo_number", MemberIdentity.mask(MemberIdentity.code(values.get("number"))))
                    .error("kenpo_lookup_throttled");
            context.challenge(lookupForm(context, values).setError("kenpoLookupThrottled").createForm(FORM));
            return;
        }
        MemberLookup.Query query = new MemberLookup.Query(values.get("employeeNumber"), values.get("symbol"), values.get("number"),
                values.get("familyKanji"), values.get("givenKanji"), values.get("familyKana"), values.get("givenKana"), birth.get());
        MemberLookup.Result result = MemberLookup.find(context.getSession(), context.getRealm(), query, config,
                JapanTime.today());
        if (result.kind() == MemberLookup.Kind.NONE) {
            // Counted as a failure in the events, with the numbers masked and no names or dates.
            context.getEvent().clone().event(EventType.RESET_PASSWORD_ERROR)
                    .detail("kenpo_lookup", "no_match")
                    .detail("kenpo_symbol", MemberIdentity.mask(MemberIdentity.code(values.get("symbol"))))
                    .detail("kenpo_number", MemberIdentity.mask(MemberIdentity.code(values.get("number"))))
                    .error("kenpo_lookup_no_match");
            context.getAuthenticationSession().setAuthNote(OUTCOME_NOTE, "NONE");
        } else {
            context.getEvent().clone().event(EventType.RESET_PASSWORD).user(result.user())
                    .detail("kenpo_lookup", result.kind() == MemberLookup.Kind.ISSUABLE ? "matched" : "matched_registered")
                    .success();
            context.getAuthenticationSession().setAuthNote(OUTCOME_NOTE, result.kind().name() + ":" + result.user().getId());
        }
        // The same next page whatever was found.
        context.challenge(context.form().createForm(EMAIL_FORM));
    }

    private static void send(AuthenticationFlowContext context, MultivaluedMap<String, String> form, LookupConfig config) {
        String outcome = context.getAuthenticationSession().getAuthNote(OUTCOME_NOTE);
        if (outcome == null) {
            context.challenge(lookupForm(context, Map.of()).createForm(FORM));
            return;
        }
        String email = InputNormalizer.compact(form.getFirst("lookupEmail") == null ? "" : form.getFirst("lookupEmail"));
        if (email.isEmpty() || !EmailValidationUtil.isValidEmail(email)) {
            context.challenge(context.form().setAttribute("kenpoLookupEmail", email)
                    .addError(new FormMessage("lookupEmail", email.isEmpty() ? "kenpoEmailRequired" : "kenpoEmailInvalid"))
                    .createForm(EMAIL_FORM));
            return;
        }
        context.getAuthenticationSession().removeAuthNote(OUTCOME_NOTE);
        LookupMail.Request request = new LookupMail.Request(outcome, email,
                context.getSession().getContext().resolveLocale(null).toLanguageTag(),
                context.getSession().getContext().getUri().getBaseUri(), config);
        PasswordReissueAuthenticatorFactory.mailQueue(context.getSession()).submit(context.getRealm().getId(), "Lookup result mail", LookupMail.job(request));
        context.challenge(context.form().createForm(SENT));
    }

    private static LoginFormsProvider lookupForm(AuthenticationFlowContext context, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>();
        FIELDS.forEach(f -> all.put(f, values.getOrDefault(f, "")));
        if (all.get("birthEra").isEmpty()) {
            all.put("birthEra", "SHOWA");
        }
        return context.form().setAttribute("kenpoLookup", all);
    }
}
