package jp.kenpo.keycloak.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;

/**
 * The email-key step's own server time, without the SMTP round trip, one login at a time: the pack's
 * JFR event times each call of the step inside Keycloak (challenge, which sends the mail, and
 * answer); the sink times each SMTP conversation, which is taken off. As a cross-check from the
 * client's side, two flows differ only by the step: Keycloak's username form then the email key (D),
 * and the username form alone (E): (D's two POSTs − SMTP − E's POST) bounds the step from above,
 * since it also holds one more HTTP request.
 */
final class EmailKeyStep {

    record Result(int samples, double stepP50, double stepP95, double challengeP50, double answerP50, double smtpP50,
                  double clientSideP50, double sendP50, double verifyP50, double usernameOnlyP50, List<String> profile) {
    }

    private EmailKeyStep() {
    }

    static Result measure(Oidc withKey, Oidc usernameOnly, SmtpSink mail, int members, int iterations,
                          int warmup, Profiler profiler) throws Exception {
        Browser browser = PortalClient.browser(Browser.client());
        long[] step = new long[iterations];
        long[] send = new long[iterations];
        long[] verify = new long[iterations];
        long[] smtp = new long[iterations];
        long[] alone = new long[iterations];
        for (int i = -warmup; i < iterations; i++) {
            if (i == 0) {
                profiler.start();
            }
            String username = "k-" + Math.floorMod(i, members);
            browser.forgetCookies();
            // A mail left over from an earlier login (a retried request on a loaded machine) would hand on a stale
            // key, each wrong key counts for brute force, and the member would end up locked.
            mail.discard(LoginFlows.emailOf(username));
            Oidc.Authorization start = withKey.authorization("ja");
            Browser.Page form = browser.get(start.url());
            long t0 = System.nanoTime();
            Browser.Page keyForm = browser.submit(form, "kc-form-login", Map.of("username", username));
            long sendNanos = System.nanoTime() - t0;
            SmtpSink.Mail sent = mail.next(LoginFlows.emailOf(username));
            long t1 = System.nanoTime();
            Browser.Page done = browser.submit(keyForm, "kc-email-key-form", Map.of("emailKey", sent.emailKey()));
            long verifyNanos = System.nanoTime() - t1;
            done.code();

            long aloneNanos = usernameOnlyLogin(browser, usernameOnly, username);
            if (i >= 0) {
                send[i] = sendNanos;
                verify[i] = verifyNanos;
                smtp[i] = sent.smtpNanos();
                alone[i] = aloneNanos;
                step[i] = sendNanos + verifyNanos - sent.smtpNanos() - aloneNanos;
            }
        }
        List<String> profile = profiler.stop("jp.kenpo.keycloak.emailkey.", "the email-key step");
        List<Profiler.StepEvent> events = profiler.stepEvents(Profiler.EMAIL_KEY_EVENT);
        if (events.size() != 2 * iterations) {
            throw new IllegalStateException("Expected " + 2 * iterations + " email-key step events from JFR, got " + events.size());
        }
        long[] server = new long[iterations];
        long[] challenge = new long[iterations];
        long[] answer = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            Profiler.StepEvent c = events.get(2 * i);
            Profiler.StepEvent a = events.get(2 * i + 1);
            if (!c.phase().equals("challenge") || !a.phase().equals("answer")) {
                throw new IllegalStateException("Email-key step events out of order at login " + i);
            }
            challenge[i] = c.nanos();
            answer[i] = a.nanos();
            server[i] = c.nanos() + a.nanos() - smtp[i];
        }
        return new Result(iterations, p(server, 50), p(server, 95), p(challenge, 50), p(answer, 50), p(smtp, 50),
                p(step, 50), p(send, 50), p(verify, 50), p(alone, 50), profile);
    }

    /**
     * The baseline: the same member identified by Keycloak's username form alone, in nanoseconds. Keycloak's brute-force
     * protector refuses a member for a moment while it still handles the member's previous login (it answered one
     * such login of the run of 2026-12-02 15:01 with user_temporarily_disabled and the page instead of a code, which
     * ended the whole step); a refused try is not timed, and the login is tried again, at most three times.
     */
    private static long usernameOnlyLogin(Browser browser, Oidc usernameOnly, String username) {
        for (int attempt = 1; ; attempt++) {
            browser.forgetCookies();
            Oidc.Authorization plain = usernameOnly.authorization("ja");
            Browser.Page plainForm = browser.get(plain.url());
            long t2 = System.nanoTime();
            try {
                browser.submit(plainForm, "kc-form-login", Map.of("username", username)).code();
                return System.nanoTime() - t2;
            } catch (IllegalStateException refused) {
                if (attempt == 3) {
                    throw refused;
                }
                LoginLoad.sleep(200);
            }
        }
    }

    private static double p(long[] values, double percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1_000_000.0;
    }
}
