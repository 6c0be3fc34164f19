package jp.kenpo.keycloak.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Permutations;

/**
 * {@code ./bench.sh --enumeration}: can the answer time of an entry point tell a member's data from a
 * stranger's? For each entry point, samples of known and unknown input, interleaved in a random order,
 * each on a fresh page (only the POST that carries the input is timed); medians and a permutation-test
 * p-value. Brute-force protection is off and the throttles are lifted for the run, so every sample takes
 * the same path an attacker's first tries take.
 */
final class Enumeration {

    private static final String PASSWORD = "Kenpo2026Ab";
    private static final String WRONG = "Wrong2026Ab";

    /** One entry point: how a fresh page is opened and what is typed, for a member's data or a stranger's. */
    private record Entry(String name, String known, String unknown, Function<Browser, Browser.Page> open, String formId,
                         Function<Boolean, Map<String, String>> typed) {
    }

    record Result(String name, String known, String unknown, double[] knownMillis, double[] unknownMillis, double p) {
    }

    private Enumeration() {
    }

    static List<Result> run(ProductionKeycloak kc, Admin admin, SmtpSink mail, int samples, Path results) throws Exception {
        String realm = kc.realmUrl("kenpo");
        admin.updateRealm("kenpo", Map.of("bruteForceProtected", false));
        admin.updateExecutionConfig("kenpo", "kenpo browser forms", "kenpo-member-lookup",
                Map.of("kenpo.lookup.perClientPerHour", "1000000", "kenpo.lookup.perNumberPerDay", "1000000"));
        admin.updateExecutionConfig("kenpo", "kenpo browser forms", "kenpo-login-id-password-form",
                Map.of("kenpo.registrationMail.perAddressPerHour", "1000000", "kenpo.registrationMail.perClientPerHour", "1000000"));
        admin.updateExecutionConfig("kenpo", "kenpo reset credentials", "kenpo-password-reissue",
                Map.of("kenpo.reissue.perAddressPerHour", "1000000", "kenpo.reissue.perClientPerHour", "1000000"));

        // Known data: a registered member (with a reissued temporary password waiting), a pending member of a
        // letter, and a household with a spouse for the lookup and the postal form.
        String known = "enum-known";
        String knownEmail = "enum-known@bench.example.jp";
        admin.createUser("kenpo", user(known, knownEmail, PASSWORD, Map.of()));
        String pending = "ENUMAB12";
        admin.createUser("kenpo", user(pending, null, "Letter2026", Map.of("kenpoRegistration", List.of("pending"))));
        admin.createUser("kenpo", user("enum-insured", "enum-insured@bench.example.jp", PASSWORD, household("00", "self", "太郎", "タロウ", "1970-04-01")));
        Map<String, Object> spouse = user("enum-spouse", null, null, household("01", "spouse", "花子", "ハナコ", "1972-08-15"));
        admin.createUser("kenpo", spouse);
        Browser first = new Browser();
        Browser.Page reissue = first.get(first.get(realm + "/kenpo-start/login").document().getElementById("kenpo-forgot").absUrl("href"));
        first.submit(reissue, "kenpo-reissue-form", Map.of("reissueEmail", knownEmail, "kenpoSendReissue", ""));
        mail.next(knownEmail);

        Random random = new Random(20_261_202L);
        List<Entry> entries = List.of(
                new Entry("ログイン (wrong password)", "a member's login ID", "an unknown login ID",
                        b -> b.get(realm + "/kenpo-start/login"), "kc-form-login",
                        k -> Map.of("username", k ? known : "enum-nobody-" + random.nextInt(1_000_000), "password", WRONG)),
                new Entry("新規利用登録 (letter, wrong password)", "a pending member's letter ID", "an unknown letter-shaped ID",
                        b -> b.get(realm + "/kenpo-start/first-login"), "kc-form-login",
                        k -> Map.of("username", k ? pending : "ENUM" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26))
                                + random.nextInt(10) + random.nextInt(10), "password", "Wrong23456")),
                new Entry("仮ログイン (wrong temporary password)", "a member with a temporary password waiting", "an unknown login ID",
                        b -> b.get(realm + "/kenpo-start/temporary-login"), "kc-form-login",
                        k -> Map.of("username", k ? known : "enum-nobody-" + random.nextInt(1_000_000), "password", "Wrong23456")),
                new Entry("パスワード再発行", "a registered address", "an unknown address",
                        b -> b.get(b.get(realm + "/kenpo-start/login").document().getElementById("kenpo-forgot").absUrl("href")),
                        "kenpo-reissue-form",
                        k -> Map.of("reissueEmail", k ? knownEmail : "enum-" + random.nextInt(1_000_000) + "@bench.example.jp", "kenpoSendReissue", "")),
                new Entry("新規利用登録 by email", "a registered address", "an unknown address",
                        b -> {
                            Browser.Page page = b.get(realm + "/kenpo-start/first-login");
                            return b.submit(page, "kenpo-register-by-email-form", Map.of("kenpoRegisterByEmail", "1"));
                        }, "kenpo-registration-email-form",
                        k -> Map.of("registrationEmail", k ? knownEmail : "enum-" + random.nextInt(1_000_000) + "@bench.example.jp",
                                "kenpoSendRegistrationMail", "")),
                new Entry("ID・パスワードの取得 (次へ)", "a 40+ spouse's data", "no such member",
                        b -> b.get(realm + "/kenpo-start/lookup"), "kenpo-lookup-form",
                        k -> lookup(k ? "花子" : "三郎", k ? "ハナコ" : "サブロウ")),
                new Entry("郵送 (送信)", "a member's data", "no such member",
                        b -> {
                            Browser.Page form = b.get(realm + "/kenpo-start/postal");
                            return form; // the confirm step is prepared below, per sample
                        }, "kenpo-postal-form", k -> postal(k)));

        List<Result> out = new ArrayList<>();
        StringBuilder csv = new StringBuilder("entry,input,sample,millis\n");
        for (Entry entry : entries) {
            Benchmarks.say("Enumeration: " + entry.name() + " (" + samples + " + " + samples + " samples)...");
            for (int i = 0; i < 10; i++) { // warm-up, not recorded
                sample(entry, i % 2 == 0);
            }
            double[] k = new double[samples];
            double[] u = new double[samples];
            for (int i = 0; i < samples; i++) {
                boolean knownFirst = random.nextBoolean();
                double a = sample(entry, knownFirst);
                double b = sample(entry, !knownFirst);
                k[i] = knownFirst ? a : b;
                u[i] = knownFirst ? b : a;
                csv.append(String.format(Locale.ROOT, "%s,known,%d,%.3f%n%s,unknown,%d,%.3f%n", entry.name(), i, k[i], entry.name(), i, u[i]));
            }
            double p = Permutations.pValue(k, u, 10_000, 7);
            Result r = new Result(entry.name(), entry.known(), entry.unknown(), k, u, p);
            out.add(r);
            Benchmarks.say(String.format(Locale.ROOT, "  known %.2f ms, unknown %.2f ms (medians), p = %.4f",
                    Permutations.median(k), Permutations.median(u), p));
        }
        Files.writeString(results.resolve("enumeration.csv"), csv);
        Files.writeString(results.resolve("enumeration.md"), markdown(out, samples, kc));
        return out;
    }

    /** One timed POST on a fresh page; the postal form is first confirmed (untimed), then 送信 is timed. */
    private static double sample(Entry entry, boolean known) {
        Browser browser = new Browser();
        Browser.Page page = entry.open().apply(browser);
        String formId = entry.formId();
        Map<String, String> typed = entry.typed().apply(known);
        if (formId.equals("kenpo-postal-form")) {
            Map<String, String> all = new HashMap<>(page.form(formId).hidden());
            all.putAll(typed);
            page = browser.post(page.form(formId).action(), all);
            formId = "kenpo-postal-submit-form";
            typed = Map.of("kenpoPostalSubmit", "1");
        }
        Browser.Form form = page.form(formId);
        Map<String, String> all = new LinkedHashMap<>(form.hidden());
        all.putAll(typed);
        long start = System.nanoTime();
        Browser.Page answer = browser.post(form.action(), all);
        double millis = (System.nanoTime() - start) / 1e6;
        if (answer.status() >= 500) {
            throw new IllegalStateException(entry.name() + ": " + answer.status());
        }
        return millis;
    }

    private static Map<String, String> lookup(String givenKanji, String givenKana) {
        Map<String, String> m = new HashMap<>(Map.of("employeeNumber", "", "symbol", "7777", "number", "7654321", "familyKanji", "健保",
                "givenKanji", givenKanji, "familyKana", "ケンポ", "givenKana", givenKana, "birthEra", "SEIREKI", "birthYear", "1972"));
        m.put("birthMonth", "8");
        m.put("birthDay", "15");
        m.put("kenpoLookupNext", "");
        return m;
    }

    private static Map<String, String> postal(boolean known) {
        Map<String, String> m = new HashMap<>(Map.of("familyName", known ? "健保" : "不在", "givenName", known ? "花子" : "三郎",
                "familyKana", known ? "ケンポ" : "フザイ", "givenKana", known ? "ハナコ" : "サブロウ", "symbol", known ? "7777" : "7778",
                "number", known ? "7654321" : "7654322", "phone", "0312345678", "category", "idpassword", "message", "",
                "postalCode", "1234567"));
        m.put("address", "東京都千代田区1-2-3");
        m.put("kenpoPostalConfirm", "");
        return m;
    }

    private static Map<String, List<String>> household(String branch, String relationship, String givenKanji, String givenKana, String birth) {
        return new HashMap<>(Map.of("kenpoInsuranceSymbol", List.of("7777"), "kenpoInsuranceNumber", List.of("7654321"),
                "kenpoBranchNumber", List.of(branch), "kenpoRelationship", List.of(relationship),
                "kenpoFamilyNameKanji", List.of("健保"), "kenpoGivenNameKanji", List.of(givenKanji),
                "kenpoFamilyNameKana", List.of("ケンポ"), "kenpoGivenNameKana", List.of(givenKana), "kenpoBirthDate", List.of(birth)));
    }

    private static Map<String, Object> user(String username, String email, String password, Map<String, List<String>> attributes) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        if (email != null) {
            user.put("email", email);
            user.put("emailVerified", true);
        }
        user.put("attributes", attributes);
        if (password != null) {
            user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        }
        return user;
    }

    private static String markdown(List<Result> results, int samples, ProductionKeycloak kc) {
        StringBuilder md = new StringBuilder("# Enumeration by timing\n\n");
        md.append(String.format(Locale.ROOT, "%s; %d cores (%s), %s; Keycloak in production mode with PostgreSQL on the same machine; "
                        + "%d samples each of known and unknown input per entry point, interleaved in a random order, each on a fresh page; "
                        + "only the POST carrying the input is timed (client side, redirects included). Brute-force protection off and "
                        + "throttles lifted for the run. p: two-sided permutation test on the difference of medians (10,000 relabellings); "
                        + "a small p (say < 0.01) means the two inputs can be told apart by time.%n%n",
                LocalDateTime.now().withNano(0), Machine.cores(), Machine.cpuModel(), Machine.memory(), samples));
        md.append("| entry point | known input | unknown input | known median ms | unknown median ms | difference ms | p |\n");
        md.append("| --- | --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Result r : results) {
            double k = Permutations.median(r.knownMillis());
            double u = Permutations.median(r.unknownMillis());
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f | %+.2f | %.4f |%n", r.name(), r.known(), r.unknown(), k, u, k - u, r.p()));
        }
        return md.toString();
    }

}
