package jp.kenpo.keycloak.lookup.postal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jp.kenpo.keycloak.common.ClientAddress;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.FieldErrors;
import jp.kenpo.keycloak.common.Throttle;
import jp.kenpo.keycloak.mail.QueuedMail;
import jp.kenpo.keycloak.member.MemberIdentity;
import jp.kenpo.keycloak.member.MemberKey;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * 郵送でのログインID、パスワード通知 (manual 000, steps 2' and 3'): お問い合わせ → 確認 → 送信 → thanks.
 * Values wait in the authentication session between the steps; on 送信 the request is written to
 * Keycloak's database before the thanks page, and union staff get a notice (no personal data in it).
 */
public final class PostalScreens {

    static final String OPEN = "kenpoPostal";
    static final String CONFIRM = "kenpoPostalConfirm";
    static final String BACK = "kenpoPostalBack";
    static final String SUBMIT = "kenpoPostalSubmit";
    static final String NOTE_PREFIX = "kenpo.postal.";

    private PostalScreens() {
    }

    /** True for the requests {@link #handle} serves. */
    public static boolean isPostalRequest(MultivaluedMap<String, String> form) {
        return form.containsKey(OPEN) || form.containsKey(BACK) || form.containsKey(CONFIRM) || form.containsKey(SUBMIT);
    }

    /** The first screen: お問い合わせ. */
    public static void open(AuthenticationFlowContext context) {
        context.challenge(page(context, Map.of()).createForm("kenpo-postal.ftl"));
    }

    /** Postal requests accepted per client address and per 記号・番号 in a day. */
    public record Limits(int perClientPerDay, int perNumberPerDay) {
    }

    public static boolean handle(AuthenticationFlowContext context, String staffAddress, Limits limits) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (form.containsKey(OPEN)) {
            open(context);
            return true;
        }
        if (form.containsKey(BACK)) {
            context.challenge(page(context, fromNotes(authSession)).createForm("kenpo-postal.ftl"));
            return true;
        }
        if (form.containsKey(CONFIRM)) {
            Map<String, String> typed = new HashMap<>();
            PostalInput.FIELDS.forEach(f -> typed.put(f, form.getFirst(f)));
            PostalInput input = PostalInput.of(typed);
            var problems = input.check();
            if (!problems.isEmpty()) {
                LoginFormsProvider page = page(context, rawValues(typed));
                page.setErrors(FieldErrors.oneLineEach(problems.stream().map(p -> new FormMessage(p.field(), p.messageKey())).toList()));
                context.challenge(page.createForm("kenpo-postal.ftl"));
                return true;
            }
            input.values().forEach((k, v) -> authSession.setAuthNote(NOTE_PREFIX + k, v));
            context.challenge(page(context, input.values()).createForm("kenpo-postal-confirm.ftl"));
            return true;
        }
        if (form.containsKey(SUBMIT)) {
            Map<String, String> stored = fromNotes(authSession);
            PostalInput input = PostalInput.of(stored);
            if (stored.isEmpty() || !input.check().isEmpty()) {
                context.challenge(page(context, stored).createForm("kenpo-postal.ftl"));
                return true;
            }
            if (!Throttle.of(context.getSession()).admit(context.getEvent().clone().event(EventType.RESET_PASSWORD_ERROR)
                            .detail(EventDetails.LOOKUP, "postal_throttled")
                            .detail(EventDetails.NUMBER, MemberIdentity.mask(input.get("number"))),
                    "kenpo_postal_throttled",
                    Throttle.Limit.perDay("postal-client", ClientAddress.throttleKey(context.getConnection().getRemoteAddr()),
                            limits.perClientPerDay()),
                    Throttle.Limit.perDay("postal-number", MemberKey.household(input.get("symbol"), input.get("number")).orElse(""),
                            limits.perNumberPerDay()))) {
                context.challenge(page(context, stored).setError("kenpoLookupThrottled").createForm("kenpo-postal.ftl"));
                return true;
            }
            PostalRequestEntity request = PostalRequests.store(context.getSession(), context.getRealm(), input);
            PostalInput.FIELDS.forEach(f -> authSession.removeAuthNote(NOTE_PREFIX + f));
            context.getEvent().clone().event(EventType.RESET_PASSWORD)
                    .detail(EventDetails.LOOKUP, "postal_requested")
                    .detail(EventDetails.POSTAL_REQUEST, request.getId())
                    .detail(EventDetails.NUMBER, MemberIdentity.mask(input.get("number")))
                    .success();
            notifyStaff(context, staffAddress, request.getId());
            context.challenge(context.form().createForm("kenpo-postal-thanks.ftl"));
            return true;
        }
        return false;
    }

    private static void notifyStaff(AuthenticationFlowContext context, String staffAddress, String requestId) {
        if (staffAddress == null || staffAddress.isBlank()) {
            return;
        }
        // The request is stored and on the staff list either way; a refused notice is an event error for admins.
        QueuedMail.submit(context.getSession(), context.getRealm(), new PostalNoticeMail(staffAddress, requestId),
                context.getEvent().clone().event(EventType.RESET_PASSWORD_ERROR).detail(EventDetails.POSTAL_REQUEST, requestId));
    }

    private static Map<String, String> fromNotes(AuthenticationSessionModel authSession) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : PostalInput.FIELDS) {
            String v = authSession.getAuthNote(NOTE_PREFIX + f);
            if (v != null) {
                values.put(f, v);
            }
        }
        return values;
    }

    private static Map<String, String> rawValues(Map<String, String> typed) {
        Map<String, String> values = new LinkedHashMap<>();
        typed.forEach((k, v) -> values.put(k, v == null ? "" : v));
        return values;
    }

    private static LoginFormsProvider page(AuthenticationFlowContext context, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>();
        PostalInput.FIELDS.forEach(f -> all.put(f, values.getOrDefault(f, "")));
        if (all.get("category").isEmpty()) {
            all.put("category", "idpassword");
        }
        return context.form().setAttribute("kenpoPostal", all);
    }
}
