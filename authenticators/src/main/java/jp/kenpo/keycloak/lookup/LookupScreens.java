package jp.kenpo.keycloak.lookup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jp.kenpo.keycloak.common.ClientAddress;
import jp.kenpo.keycloak.common.EmailAddress;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.JapanTime;
import jp.kenpo.keycloak.common.MailFrom;
import jp.kenpo.keycloak.common.Meters;
import jp.kenpo.keycloak.common.Throttle;
import jp.kenpo.keycloak.lookup.postal.PostalScreens;
import jp.kenpo.keycloak.mail.MailQueue;
import jp.kenpo.keycloak.mail.QueuedMail;
import jp.kenpo.keycloak.member.BirthDate;
import jp.kenpo.keycloak.member.MemberIdentity;
import jp.kenpo.keycloak.member.MemberKey;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * ID・パスワードの取得 (manual 000, steps 3 and 4), the screens of {@link MemberLookupAuthenticator}:
 * the member's data, then a receiving address, then always the same page. What the lookup found stays
 * in the authentication session (server side, {@link LookupOutcome}); the mail goes out from the
 * pack's {@link MailQueue}.
 */
public final class LookupScreens {

    static final String NEXT = "kenpoLookupNext";
    static final String SEND = "kenpoLookupSend";
    static final String FORM = "kenpo-lookup.ftl";
    static final String EMAIL_FORM = "kenpo-lookup-email.ftl";
    static final String SENT = "kenpo-lookup-sent.ftl";
    /** Lookups by outcome: issuable, registered, none, throttled (Prometheus: kenpo_lookups_total{outcome="none"}). */
    static final String LOOKUP_METRIC = "kenpo.lookups";
    private static final String LOOKUP_METRIC_TEXT = "Lookups of a dependant's login ID and password, by outcome";

    static final List<String> FIELDS = List.of("employeeNumber", "symbol", "number", "familyKanji", "givenKanji",
            "familyKana", "givenKana", "birthEra", "birthYear", "birthMonth", "birthDay");

    private LookupScreens() {
    }

    /** The first screen: the member's data. */
    static void open(AuthenticationFlowContext context) {
        context.challenge(lookupForm(context, Map.of()).createForm(FORM));
    }

    /** Handles the requests of these screens and the postal route's; false when the request is none of them. */
    static boolean handle(AuthenticationFlowContext context, LookupConfig config) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (PostalScreens.isPostalRequest(form)) {
            PostalScreens.handle(context, config.staffAddress(),
                    new PostalScreens.Limits(config.postalPerClientPerDay(), config.postalPerNumberPerDay()));
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
        Throttle throttle = Throttle.of(context.getSession());
        String household = MemberKey.household(values.get("symbol"), values.get("number")).orElse("");
        if (!throttle.admit(context.getEvent().clone().event(EventType.RESET_PASSWORD_ERROR)
                        .detail(EventDetails.LOOKUP, "throttled")
                        .detail(EventDetails.SYMBOL, MemberIdentity.mask(MemberIdentity.code(values.get("symbol"))))
                        .detail(EventDetails.NUMBER, MemberIdentity.mask(MemberIdentity.code(values.get("number")))),
                "kenpo_lookup_throttled",
                Throttle.Limit.perHour("lookup-client", ClientAddress.throttleKey(context.getConnection().getRemoteAddr()), config.perClientPerHour()),
                Throttle.Limit.perDay("lookup-number", household, config.perNumberPerDay()))) {
            Meters.count(LOOKUP_METRIC, LOOKUP_METRIC_TEXT, "outcome", "throttled", 1);
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
                    .detail(EventDetails.LOOKUP, "no_match")
                    .detail(EventDetails.SYMBOL, MemberIdentity.mask(MemberIdentity.code(values.get("symbol"))))
                    .detail(EventDetails.NUMBER, MemberIdentity.mask(MemberIdentity.code(values.get("number"))))
                    .error("kenpo_lookup_no_match");
        } else {
            context.getEvent().clone().event(EventType.RESET_PASSWORD).user(result.user())
                    .detail(EventDetails.LOOKUP, result.kind() == MemberLookup.Kind.ISSUABLE ? "matched" : "matched_registered")
                    .success();
        }
        Meters.outcome(LOOKUP_METRIC, LOOKUP_METRIC_TEXT, result.kind());
        LookupOutcome.of(result).keep(context.getAuthenticationSession());
        // The same next page whatever was found.
        context.challenge(MailFrom.on(context.form(), context.getRealm()).createForm(EMAIL_FORM));
    }

    private static void send(AuthenticationFlowContext context, MultivaluedMap<String, String> form, LookupConfig config) {
        if (!LookupOutcome.isKept(context.getAuthenticationSession())) {
            open(context);
            return;
        }
        String email = EmailAddress.typed(form.getFirst("lookupEmail"));
        Optional<String> problem = EmailAddress.problem(email);
        if (problem.isPresent()) {
            context.challenge(MailFrom.on(context.form(), context.getRealm()).setAttribute("kenpoLookupEmail", email)
                    .addError(new FormMessage("lookupEmail", problem.get())).createForm(EMAIL_FORM));
            return;
        }
        LookupOutcome outcome = LookupOutcome.take(context.getAuthenticationSession()).orElseThrow();
        // One mail whatever was found, so a full queue answers the same for every outcome.
        if (!QueuedMail.submit(context.getSession(), context.getRealm(), new LookupMail(outcome, email,
                context.getSession().getContext().resolveLocale(null).toLanguageTag(),
                context.getSession().getContext().getUri().getBaseUri(), config),
                context.getEvent().clone().event(EventType.RESET_PASSWORD_ERROR).detail(EventDetails.LOOKUP, "mail_queue_full"))) {
            outcome.keep(context.getAuthenticationSession());
            context.challenge(MailFrom.on(context.form(), context.getRealm()).setAttribute("kenpoLookupEmail", email).setError("kenpoMailQueueFull").createForm(EMAIL_FORM));
            return;
        }
        // The same page whatever was found; only the realm's delivery setting changes its words.
        context.challenge(MailFrom.on(context.form(), context.getRealm()).setAttribute("kenpoLookupDelivery", config.delivery().value())
                .setAttribute("kenpoLookupHoldHours", config.holdHours()).createForm(SENT));
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
