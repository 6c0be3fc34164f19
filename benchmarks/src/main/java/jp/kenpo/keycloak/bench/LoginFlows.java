package jp.kenpo.keycloak.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;

/** The three logins compared: Keycloak's own two, and the pack's. */
final class LoginFlows {

    static final String PASSWORD = "Bench2026Login";
    /**
     * C's members per virtual member: at 100 key mails per member and hour, 100 carry a virtual member through 10,000
     * logins an hour (the warm-up alone asks 6,000 of each flow, some 750 per virtual member, and the two-node
     * phase as many again).
     */
    static final int C_MEMBERS_PER_VU = 100;

    private LoginFlows() {
    }

    /** A: Keycloak's built-in browser flow, login form with password only. */
    static LoginLoad.Flow passwordOnly(Oidc portal) {
        return passwordOnly("A", "Keycloak browser flow, password only", portal, "a-");
    }

    /**
     * C0: the pack's flow for members who switched the 暗証キー off (allowed by the union's setting):
     * the pack's login form, realm and listeners without the mail, to tell their cost from the step's.
     */
    static LoginLoad.Flow packWithoutKey(Oidc portal) {
        return passwordOnly("C0", "kenpo browser flow, member who switched the 暗証キー off (no mail)", portal, "n-");
    }

    /** A login that ends with the password: login page, password, token. */
    private static LoginLoad.Flow passwordOnly(String name, String description, Oidc portal, String usernamePrefix) {
        return new LoginLoad.Flow(name, description, List.of("login page", "password", "token"), (member, browser, step) -> {
            Oidc.Authorization start = portal.authorization("ja");
            Browser.Page done = password(start, browser, step, usernamePrefix + member);
            token(portal, start, done, step);
        });
    }

    /**
     * B: Keycloak's built-in browser flow for members with an authenticator app: password, then the
     * OTP form. Keycloak refuses a code twice for one member, so members come from a pool in which
     * each waits for the next 30-second period after logging in.
     */
    static LoginLoad.Flow passwordAndOtp(Oidc portal, List<String[]> members) {
        DelayQueue<OtpMember> pool = new DelayQueue<>();
        members.forEach(m -> pool.add(new OtpMember(m[0], m[1], 0)));
        return new LoginLoad.Flow("B", "Keycloak browser flow, password then OTP form (TOTP)",
                List.of("login page", "password", "one-time code", "token"), (vu, browser, step) -> {
            OtpMember member = pool.take();
            long period = Totp.period(System.currentTimeMillis());
            try {
                Oidc.Authorization start = portal.authorization("ja");
                Browser.Page otp = password(start, browser, step, member.username);
                Browser.Page done = step.time("one-time code", () -> browser.submit(otp, "kc-otp-login-form",
                        Map.of("otp", Totp.code(member.secret, period))));
                token(portal, start, done, step);
            } finally {
                pool.add(new OtpMember(member.username, member.secret, (period + 1) * Totp.PERIOD_SECONDS * 1000L));
            }
        });
    }

    /** C: the pack's flow, login ID and password, then the 暗証キー from the mail. */
    static LoginLoad.Flow emailKey(Oidc portal, SmtpSink mail, Latencies mailWait, int vus) {
        java.util.concurrent.atomic.AtomicLongArray turns = new java.util.concurrent.atomic.AtomicLongArray(vus);
        return new LoginLoad.Flow("C", "kenpo browser flow, login ID and password then 暗証キー by mail",
                List.of("login page", "password", "email key", "token"), (member, browser, step) -> {
            String loginId = "c-" + (member + vus * (turns.getAndIncrement(member) % C_MEMBERS_PER_VU));
            Oidc.Authorization start = portal.authorization("ja");
            Browser.Page keyForm = password(start, browser, step, loginId);
            long waited = System.nanoTime();
            String key = mail.next(emailOf(loginId)).emailKey();
            mailWait.add(System.nanoTime() - waited);
            Browser.Page done = step.time("email key", () -> declinePasskeyOnce(browser, browser.submit(keyForm, "kc-email-key-form",
                    Map.of("emailKey", key))));
            token(portal, start, done, step);
        });
    }

    /**
     * パスキーのご案内 comes once per member, after the first login with the 暗証キー (shipped on in the realm
     * export): the member answers 今はしない, as most do, and is not asked again. It falls in the warm-up, since
     * every member of C logs in there first.
     */
    private static Browser.Page declinePasskeyOnce(Browser browser, Browser.Page page) {
        return page.document().getElementById("kenpo-passkey-suggestion-form") == null ? page
                : browser.submit(page, "kenpo-passkey-suggestion-form", Map.of("later", ""));
    }

    static final String HUNG_STEP = "password, key mail to a hung server";

    /**
     * C against a hung mail server: login ID and password, after which the key mail cannot go out; the answer
     * must be the key page saying the mail could not be sent (「送信できませんでした」), within the mail timeout.
     */
    static LoginLoad.Flow emailKeyMailServerHung(Oidc portal, int vus) {
        java.util.concurrent.atomic.AtomicLongArray turns = new java.util.concurrent.atomic.AtomicLongArray(vus);
        return new LoginLoad.Flow("C-hung", "kenpo browser flow, 暗証キー requested while the mail server hangs",
                List.of("login page", HUNG_STEP), (member, browser, step) -> {
            String loginId = "c-" + (member + vus * (turns.getAndIncrement(member) % C_MEMBERS_PER_VU));
            Oidc.Authorization start = portal.authorization("ja");
            Browser.Page form = step.time("login page", () -> browser.get(start.url()));
            Browser.Page answer = step.time(HUNG_STEP, () -> browser.submit(form, "kc-form-login",
                    Map.of("username", loginId, "password", PASSWORD)));
            if (!answer.body().contains("送信できませんでした")) {
                throw new IllegalStateException("No 「送信できませんでした」 on the answer (status " + answer.status() + ")");
            }
        });
    }

    /** The steps every flow starts with: the login page, then login ID and password; returns the next page. */
    private static Browser.Page password(Oidc.Authorization start, Browser browser, LoginLoad.Steps step, String username)
            throws Exception {
        Browser.Page form = step.time("login page", () -> browser.get(start.url()));
        return step.time("password", () -> browser.submit(form, "kc-form-login",
                Map.of("username", username, "password", PASSWORD)));
    }

    /** The step every flow ends with: the portal exchanges the code for tokens. */
    private static void token(Oidc portal, Oidc.Authorization start, Browser.Page done, LoginLoad.Steps step) throws Exception {
        step.time("token", () -> portal.exchange(done.code(), start.verifier()));
    }

    static String emailOf(String username) {
        return username + "@bench.example";
    }

    /** A member of flow B's pool, usable again from {@code readyAt} (epoch ms). */
    private record OtpMember(String username, String secret, long readyAt) implements Delayed {
        public long getDelay(TimeUnit unit) {
            return unit.convert(readyAt - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
        }

        public int compareTo(Delayed other) {
            return Long.compare(readyAt, ((OtpMember) other).readyAt);
        }
    }
}
