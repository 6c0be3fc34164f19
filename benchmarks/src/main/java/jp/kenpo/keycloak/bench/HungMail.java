package jp.kenpo.keycloak.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.kenpo.keycloak.testsupport.Oidc;

/**
 * A hung mail server must be harmless (issue 19 §2): the realm's SMTP settings point at {@link HungSmtp}
 * with a mail timeout of {@code timeoutMillis}; members who need no mail (C0) log in alone, then while
 * as many members ask for an email key at the same time (C against the hung server), in alternating
 * windows. C0 should keep at least 90 % of its logins per second, and every key request should answer
 * within the mail timeout (plus the request's own work) with the 「送信できませんでした」 page.
 */
final class HungMail {

    /** Logins/s of C0 alone and beside the hung key requests, per window pair; the hung requests' answers. */
    record Result(int timeoutMillis, List<double[]> pairs, Latencies hungAnswers, Latencies challengeCalls, long hungPages,
                  long hungErrors, long connectionsHeld) {
        double[] ratios() {
            return pairs.stream().mapToDouble(p -> p[1] / p[0]).toArray();
        }
    }

    private HungMail() {
    }

    static Result run(Admin admin, Oidc kenpo, LoginLoad.Flow withoutKey, int vus, int measure, int pairs, int timeoutMillis,
                      ProductionKeycloak kc, Postgres db, Path work, Path errors) throws Exception {
        Map<String, String> smtp = admin.smtpServer("kenpo");
        List<double[]> rates = new ArrayList<>();
        Latencies answers = new Latencies();
        Latencies challenges = new Latencies();
        long pages = 0;
        long failed = 0;
        try (HungSmtp hung = new HungSmtp()) {
            Map<String, String> hungSmtp = new HashMap<>(smtp);
            hungSmtp.put("host", "127.0.0.1");
            hungSmtp.put("port", Integer.toString(hung.port()));
            hungSmtp.put("timeout", Integer.toString(timeoutMillis));
            hungSmtp.put("connectionTimeout", Integer.toString(timeoutMillis));
            hungSmtp.put("writeTimeout", Integer.toString(timeoutMillis));
            admin.updateRealm("kenpo", Map.of("smtpServer", hungSmtp));
            LoginLoad.Flow hungKey = LoginFlows.emailKeyMailServerHung(kenpo, vus);
            ExecutorService side = Executors.newSingleThreadExecutor();
            try {
                for (int pair = 0; pair < pairs; pair++) {
                    LoginLoad.Result alone = LoginLoad.run(withoutKey, vus, Duration.ofSeconds(5), Duration.ofSeconds(measure), kc, db, null, errors);
                    // The pack's JFR event times the key step inside Keycloak: the mail attempt without the password check before it.
                    Profiler profiler = new Profiler(kc.javaPid(), work.resolve("hung-mail.jfr"), work.resolve("bench.log"));
                    Future<LoginLoad.Result> keys = side.submit(() -> LoginLoad.run(hungKey, vus, Duration.ofSeconds(5),
                            Duration.ofSeconds(measure), kc, db, profiler, errors));
                    LoginLoad.Result beside = LoginLoad.run(withoutKey, vus, Duration.ofSeconds(5), Duration.ofSeconds(measure), kc, db, null, errors);
                    LoginLoad.Result k = keys.get();
                    rates.add(new double[] {alone.loginsPerSecond(), beside.loginsPerSecond(), k.logins() / k.seconds()});
                    k.emailKeyEvents().stream().filter(e -> "challenge".equals(e.phase())).forEach(e -> challenges.add(e.nanos()));
                    answers.addAll(k.steps().get(LoginFlows.HUNG_STEP));
                    pages += k.logins();
                    failed += k.errors();
                    Benchmarks.say(String.format(java.util.Locale.ROOT, "  C0 alone %.1f logins/s, beside %d hung key requests %.1f logins/s (%.2f); "
                                    + "key requests answered p50 %.0f ms, max %.0f ms", alone.loginsPerSecond(), k.logins(),
                            beside.loginsPerSecond(), beside.loginsPerSecond() / alone.loginsPerSecond(),
                            k.steps().get(LoginFlows.HUNG_STEP).percentileMillis(50), k.steps().get(LoginFlows.HUNG_STEP).percentileMillis(100)));
                }
            } finally {
                side.shutdownNow();
                admin.updateRealm("kenpo", Map.of("smtpServer", smtp));
            }
            return new Result(timeoutMillis, rates, answers, challenges, pages, failed, hung.accepted());
        }
    }
}
