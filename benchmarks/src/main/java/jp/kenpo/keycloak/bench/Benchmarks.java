package jp.kenpo.keycloak.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.FreePorts;
import jp.kenpo.keycloak.testsupport.Oidc;

/**
 * ./bench.sh: starts PostgreSQL, an SMTP sink and Keycloak in production mode with the pack, measures
 * logins (A, B, C), the email-key step, the member import and dependent lookups, writes the results
 * folder, and stops everything it started.
 */
public final class Benchmarks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int vus = Integer.parseInt(options.getOrDefault("vus", "8"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
        int warmupCycles = Integer.parseInt(options.getOrDefault("warmup-cycles", "60"));
        double stable = Double.parseDouble(options.getOrDefault("stable", "5")) / 100;
        int warmupLogins = Integer.parseInt(options.getOrDefault("warmup-logins", "6000"));
        double jitIdle = Double.parseDouble(options.getOrDefault("jit-idle", "2")) / 100;
        WarmUpRule warmUpRule = new WarmUpRule(warmup, warmupLogins, warmupCycles, stable, jitIdle);
        int measure = Integer.parseInt(options.getOrDefault("measure", "20"));
        int otpPool = Integer.parseInt(options.getOrDefault("otp-pool", "2400"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "6"));
        int importRows = Integer.parseInt(options.getOrDefault("import-rows", "100000"));
        int cloneTo = Integer.parseInt(options.getOrDefault("clone-to", "500000"));
        int lookups = Integer.parseInt(options.getOrDefault("lookups", "400"));
        int keySteps = Integer.parseInt(options.getOrDefault("key-steps", "300"));
        boolean doLogins = !options.containsKey("skip-logins");
        boolean doKeyStep = !options.containsKey("skip-key-step");
        boolean doMembers = !options.containsKey("skip-members");
        boolean doHungMail = !options.containsKey("skip-hung-mail");
        boolean doLookups = !options.containsKey("skip-lookups");
        int liveHeapEvery = Integer.parseInt(options.getOrDefault("import-live-heap", "0"));
        int mailTimeout = Integer.parseInt(options.getOrDefault("mail-timeout-ms", "5000"));
        boolean perf = options.containsKey("perf");
        // Options for every Keycloak JVM the run starts (kc.sh's JAVA_OPTS_APPEND); --perf needs frame pointers in Java code.
        String javaOpts = (options.getOrDefault("keycloak-java-opts", "") + (perf ? " -XX:+PreserveFramePointer" : "")).strip();
        if (!javaOpts.isEmpty()) {
            System.setProperty(ProductionKeycloak.JAVA_OPTS_PROPERTY, javaOpts);
        }
        if (perf && !NativeProfiler.available()) {
            throw new IllegalStateException("--perf needs Linux perf (package linux-perf or linux-tools)");
        }
        boolean enumeration = options.containsKey("enumeration");
        int enumerationSamples = Integer.parseInt(options.getOrDefault("samples", "300"));
        if (enumeration) {
            doLogins = false;
            doKeyStep = false;
            doMembers = false;
        }
        // --two-nodes: after the single node's steps, the logins on two nodes behind HAProxy against one node, in
        // alternating windows (TwoNodes); it needs the login members, not the single node's own rounds.
        boolean doTwoNodes = options.containsKey("two-nodes") && !enumeration;

        Path root = Path.of(System.getProperty("kenpo.bench.root", "benchmarks")).toAbsolutePath();
        Path work = Files.createDirectories(root.resolve("target/bench-work"));
        String started = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
        Path results = Files.createDirectories(root.resolve("results").resolve(started));
        Path log = work.resolve("bench.log");
        Path errors = results.resolve("errors.log");
        Files.deleteIfExists(log);

        say("Results go to " + results);
        try (SmtpSink mail = new SmtpSink();
             Postgres db = Postgres.start(FreePorts.any(), log)) {
            say("PostgreSQL " + db.version() + " started; building and starting Keycloak (production mode)...");
            Path dist = single(root.resolve("target/dist"));
            Path jar = Path.of(System.getProperty("kenpo.pack.jar")).toAbsolutePath();
            try (ProductionKeycloak kc = ProductionKeycloak.start(dist, jar,
                    List.of(Path.of(System.getProperty("kenpo.realm")), root.resolve("src/main/resources/bench-realm.json")),
                    db, mail.port(), work)) {
                String version = dist.getFileName().toString().replace("keycloak-", "");
                say("Keycloak " + version + " ready at " + kc.baseUrl() + " (JVM pid " + kc.javaPid() + ")");
                Admin admin = new Admin(kc.baseUrl());
                admin.setClientSecret("kenpo", "kenpo-portal", PortalClient.SECRET);
                var http = Browser.client();
                if (enumeration) {
                    // A measurement of its own: enumeration.md and .csv only, LATEST keeps naming the last full run.
                    Enumeration.run(kc, admin, mail, enumerationSamples, results);
                    System.out.println();
                    System.out.println(Files.readString(results.resolve("enumeration.md")));
                    say("Stopping Keycloak, PostgreSQL and the SMTP sink...");
                    return;
                }

                List<LoginLoad.Result> logins = new ArrayList<>();
                List<Report.Round> perRound = new ArrayList<>();
                List<Report.WarmUp> warmUpTrace = new ArrayList<>();
                long[] credentialRowsUpdated = {-1};
                HungMail.Result[] hungMail = {null};
                Latencies mailWait = new Latencies();
                EmailKeyStep.Result keyStep = null;
                List<String[]> otpMembers = List.of();
                if (doLogins || doKeyStep || doTwoNodes) {
                    otpMembers = setUpLoginMembers(admin, vus, doLogins || doTwoNodes ? otpPool : 1);
                    Oidc bench = PortalClient.of(kc.realmUrl("bench"), "kenpo-portal", http);
                    Oidc kenpo = PortalClient.of(kc.realmUrl("kenpo"), "kenpo-portal", http);
                    List<LoginLoad.Flow> flows = List.of(LoginFlows.passwordOnly(bench),
                            LoginFlows.passwordAndOtp(bench, otpMembers), LoginFlows.packWithoutKey(kenpo),
                            LoginFlows.emailKey(kenpo, mail, mailWait, vus));
                    Function<String, Profiler> profiler = flow -> new Profiler(kc.javaPid(), work.resolve("login-" + flow + ".jfr"), log)
                            .withNative(perf ? new NativeProfiler(List.of(kc.javaPid()), work.resolve("login-" + flow + ".perf.data"), log) : null);
                    if (doLogins) {
                        profilerWarmUp("", flows, vus, flow -> kc, db, profiler, errors);
                    }
                    List<Report.WarmUp> warmUps = doLogins ? warmUp(flows, vus, warmUpRule, kc, db, errors) : List.of();
                    warmUpTrace.addAll(warmUps);
                    long credentialUpdates0 = db.credentialUpdates();
                    Map<String, LoginLoad.Result> byFlow = rounds("Round ", flows, vus, doLogins ? rounds : 0, measure, kc, db,
                            profiler, errors, perRound);
                    if (doLogins) {
                        // PostgreSQL's table statistics reach the view within about ten seconds of a backend going idle.
                        LoginLoad.sleep(12_000);
                        long loginsMeasured = byFlow.values().stream().mapToLong(LoginLoad.Result::logins).sum();
                        credentialRowsUpdated[0] = db.credentialUpdates() - credentialUpdates0;
                        say("  credential rows updated during the rounds: " + credentialRowsUpdated[0] + " for " + loginsMeasured + " logins");
                    }
                    flows.forEach(f -> {
                        if (byFlow.containsKey(f.name())) {
                            logins.add(byFlow.get(f.name()));
                        }
                    });
                    if (doLogins && doHungMail) {
                        say("Hung mail server: C0 alone, then beside " + vus + " members asking for a key while the mail server hangs (timeout "
                                + mailTimeout + " ms), 3 pairs of windows...");
                        hungMail[0] = HungMail.run(admin, kenpo, flows.get(2), vus, measure, 3, mailTimeout, kc, db, work, errors);
                    }
                    if (doKeyStep) {
                        say("Email-key step on its own (" + keySteps + " logins, one at a time)...");
                        Profiler keyProfile = new Profiler(kc.javaPid(), work.resolve("email-key-step.jfr"), log);
                        try {
                            keyStep = EmailKeyStep.measure(PortalClient.of(kc.realmUrl("bench"), "bench-email-key", http),
                                    PortalClient.of(kc.realmUrl("bench"), "bench-username-only", http), mail, 5, keySteps, 100, keyProfile);
                            say(String.format("  step p50 %.2f ms (SMTP p50 %.2f ms excluded)", keyStep.stepP50(), keyStep.smtpP50()));
                            keyStep.profile().forEach(l -> say("  " + l));
                        } catch (RuntimeException e) {
                            // The logins measured so far still go into the report.
                            say("  the email-key step failed: " + e);
                        }
                    }
                }

                MemberScale.ImportResult imported = null;
                List<MemberScale.Lookups> lookupResults = new ArrayList<>();
                MemberScale.File file = null;
                if (doMembers) {
                    admin.updateExecutionConfig("kenpo", "kenpo browser forms", "kenpo-member-lookup",
                            Map.of("kenpo.lookup.perClientPerHour", "1000000", "kenpo.lookup.perNumberPerDay", "1000"));
                    file = MemberScale.membershipFile(importRows);
                    say("Importing " + file.rows() + " members (" + file.insured() + " insured) through the pack's endpoint...");
                    imported = MemberScale.importFile(admin, file, kc, db,
                            new Profiler(kc.javaPid(), work.resolve("import.jfr"), log), work.resolve("import.jfr"), liveHeapEvery, log);
                    say(String.format("  %.0f members/s (%.1f s), Keycloak CPU %.3f ms and PostgreSQL CPU %.3f ms per member;"
                                    + " heap after GC max %.0f MiB, live after %d forced full GCs max %.0f MiB (first %.0f MiB)",
                            imported.membersPerSecond(), imported.seconds(), 1000 * imported.keycloakCpu() / imported.rows(),
                            1000 * imported.databaseCpu() / imported.rows(), imported.heap().afterGcMaxMib(), imported.heap().liveSamples(),
                            imported.heap().liveMaxMib(), imported.heap().liveFirstMib()));
                    imported.profile().forEach(l -> say("  " + l));
                    // Fresh planner statistics after a bulk load, as autovacuum would gather them shortly after.
                    db.sqlInKeycloakDatabase("ANALYZE user_entity; ANALYZE user_attribute;");
                }
                if (doMembers && doLookups) {
                    Oidc kenpo = PortalClient.of(kc.realmUrl("kenpo"), "kenpo-portal", http);
                    say("Lookups with " + file.rows() + " members...");
                    lookupResults.add(MemberScale.lookups(kenpo, file.spouses(), file.rows(), lookups, 1,
                            new Profiler(kc.javaPid(), work.resolve("lookup-1.jfr"), log)));
                    int copies = cloneTo / file.rows() - 1;
                    if (copies > 0) {
                        say("Cloning members in SQL to " + file.rows() * (copies + 1) + "...");
                        MemberScale.cloneMembers(db, copies);
                        List<MemberScale.Spouse> all = new ArrayList<>(file.spouses());
                        for (int c = 1; c <= copies; c++) {
                            for (MemberScale.Spouse s : file.spouses()) {
                                all.add(s.shifted(c));
                            }
                        }
                        say("Lookups with " + file.rows() * (copies + 1) + " members...");
                        lookupResults.add(MemberScale.lookups(kenpo, all, file.rows() * (copies + 1), lookups, 2,
                                new Profiler(kc.javaPid(), work.resolve("lookup-2.jfr"), log)));
                    }
                    lookupResults.forEach(l -> say(String.format("  %,d members: lookup p50 %.2f ms, p95 %.2f ms; answer p50 %.1f ms, p95 %.1f ms",
                            l.members(), l.server().percentileMillis(50), l.server().percentileMillis(95),
                            l.answer().percentileMillis(50), l.answer().percentileMillis(95))));
                }

                TwoNodes.Result twoNodes = doTwoNodes ? TwoNodes.run(kc, db, mail, otpMembers, vus, warmUpRule, measure,
                        rounds, work, errors) : null;

                Report.Run run = new Report.Run(started, version, db.version(), vus, warmup, measure, rounds, otpPool, logins, perRound, mailWait,
                        keyStep, imported, lookupResults, warmUpTrace, stable, credentialRowsUpdated[0], hungMail[0], twoNodes);
                Report.write(results, run);
                // A pointer, not a copy: results/LATEST names the newest dated folder.
                Files.writeString(root.resolve("results/LATEST"), started + "\n");
                System.out.println();
                System.out.println(Report.markdown(run));
                say("Stopping Keycloak, PostgreSQL and the SMTP sink...");
            }
        }
        say("Done: " + results);
    }

    /**
     * Many short rounds in alternating order (A B C0 C, C C0 B A, ...): a server that still changes speed (JIT, a
     * busier or quieter host) then moves every flow alike; ratios are taken within each round. Each window is
     * profiled ({@code profiler} of the flow's name); its figures go to {@code perRound}, and the flows' windows come
     * back summed per flow.
     */
    static Map<String, LoginLoad.Result> rounds(String label, List<LoginLoad.Flow> flows, int vus, int rounds, int measure,
                                                LoginLoad.Server kc, Postgres db, Function<String, Profiler> profiler,
                                                Path errors, List<Report.Round> perRound) throws InterruptedException {
        return rounds(label, flows, vus, rounds, measure, flow -> kc, db, profiler, errors, perRound);
    }

    /** As above, each flow on its own server ({@code serverOf} the flow's name): TwoNodes' one node and two nodes in turn. */
    static Map<String, LoginLoad.Result> rounds(String label, List<LoginLoad.Flow> flows, int vus, int rounds, int measure,
                                                Function<String, LoginLoad.Server> serverOf, Postgres db,
                                                Function<String, Profiler> profiler, Path errors, List<Report.Round> perRound)
            throws InterruptedException {
        Map<String, LoginLoad.Result> byFlow = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            List<LoginLoad.Flow> order = new ArrayList<>(flows);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (LoginLoad.Flow flow : order) {
                say(label + (round + 1) + ", flow " + flow.name() + " (" + flow.description() + "): " + vus
                        + " members, 5 s ramp, " + measure + " s measured...");
                LoginLoad.Result r = LoginLoad.run(flow, vus, Duration.ofSeconds(5), Duration.ofSeconds(measure), serverOf.apply(flow.name()),
                        db, profiler.apply(flow.name()), errors);
                say(String.format("  %.1f logins/s, %d errors, %.3f KC CPU s/login, machine %.0f %% busy",
                        r.loginsPerSecond(), r.errors(), r.keycloakCpuPerLogin(), 100 * r.machineBusy()));
                byFlow.merge(flow.name(), r, LoginLoad.Result::plus);
                perRound.add(new Report.Round(round + 1, flow.name(), r.loginsPerSecond(), r.keycloakCpuPerLogin(),
                        r.argon2SamplesPerLogin(), r.profile().otherSamplesPerHash(), r.keycloakThreadsPerLogin()));
            }
        }
        return byFlow;
    }

    /**
     * One profiled window per flow, thrown away, before the warm-up. The first recording costs the JVM JFR's start (its
     * classes, buffers and instrumented JDK classes, recompiled): in the run of 2026-12-02 15:01 round 1's first window
     * took 0.199 s of CPU per login against 0.09–0.12 in the windows around it. Run between the warm-up and round 1 (until
     * 2026-12-03 07:00) it made the JIT compile 11–13 ms per login in every window of round 1 after the warm-up had found
     * the JIT idle; before the warm-up, the warm-up's JIT condition waits for that compilation to end.
     */
    static void profilerWarmUp(String label, List<LoginLoad.Flow> flows, int vus, Function<String, LoginLoad.Server> serverOf,
                               Postgres db, Function<String, Profiler> profiler, Path errors) throws InterruptedException {
        say(label + "profiler warm-up (not counted): one profiled window per flow...");
        for (LoginLoad.Flow flow : flows) {
            LoginLoad.run(flow, vus, Duration.ofSeconds(3), Duration.ofSeconds(10), serverOf.apply(flow.name()), db,
                    profiler.apply(flow.name()), errors);
        }
    }

    /**
     * How long the logins warm up: cycles of one {@code windowSeconds} window per flow until every flow has logged in
     * at least {@code minLogins} times in the warm-up, its Keycloak CPU per login, averaged over the last
     * {@link #STABLE_SPAN} cycles, lies within {@code stable} of the average of the {@link #STABLE_SPAN} cycles before,
     * and the JIT compiler's threads took at most {@code jitIdle} of its CPU in its last window; or {@code maxCycles}
     * cycles have run. The JIT condition is there because stability alone was met while the JIT still compiled 11–14 ms
     * per login (run of 2026-12-03 05:46, read by thread): round 1 then measured compilation, not the flows.
     */
    record WarmUpRule(int windowSeconds, int minLogins, int maxCycles, double stable, double jitIdle) {
    }

    /**
     * Cycles averaged on each side of the stability test. One 15-second window's CPU per login wanders by 10–20 %
     * on two saturated cores even on a warm server (run of 2026-12-02 15:01, cycles 10–13), so a test of one cycle
     * against the one before is met by chance or not for a long time; three against three is met once the trend
     * has gone.
     */
    static final int STABLE_SPAN = 3;

    /**
     * Warm-up in cycles over every flow (A B C0 C, one window each) as {@code rule} says. The login minimum is there
     * because on two saturated cores the JIT compiles slowly: in the run of 2026-12-02 10:23, after 6 cycles (some 2,000
     * logins per flow) CPU per login still moved by up to 41 % from one cycle to the next, and A's halved again over
     * the rounds. Stability is judged on Keycloak CPU per login (the primary figure; logins per second also move with
     * everything else on the machine): the JIT, the caches and the connection pools are then warm for every flow, and
     * the rounds that follow compare flows on a server that no longer speeds up by itself.
     */
    static List<Report.WarmUp> warmUp(List<LoginLoad.Flow> flows, int vus, WarmUpRule rule,
                                      LoginLoad.Server kc, Postgres db, Path errors) throws InterruptedException {
        return warmUp(flows, vus, rule, flow -> kc, db, errors);
    }

    /** As above, each flow on its own server ({@code serverOf} the flow's name). */
    static List<Report.WarmUp> warmUp(List<LoginLoad.Flow> flows, int vus, WarmUpRule rule,
                                      Function<String, LoginLoad.Server> serverOf, Postgres db, Path errors) throws InterruptedException {
        List<Report.WarmUp> trace = new ArrayList<>();
        Map<String, List<Double>> cpu = new HashMap<>();
        Map<String, Long> logins = new HashMap<>();
        for (int cycle = 1; cycle <= rule.maxCycles(); cycle++) {
            boolean allStable = true;
            StringBuilder line = new StringBuilder("Warm-up cycle " + cycle + ":");
            for (LoginLoad.Flow flow : flows) {
                LoginLoad.Result r = LoginLoad.run(flow, vus, Duration.ofSeconds(3), Duration.ofSeconds(rule.windowSeconds()),
                        serverOf.apply(flow.name()), db, null, errors);
                List<Double> history = cpu.computeIfAbsent(flow.name(), f -> new ArrayList<>());
                history.add(r.keycloakCpuPerLogin());
                long done = logins.merge(flow.name(), r.logins(), Long::sum);
                double change = trendChange(history);
                ThreadCpu.Split threads = r.keycloakThreadsPerLogin();
                boolean jitIdle = threads.jit() <= rule.jitIdle() * threads.total();
                boolean warm = !Double.isNaN(change) && Math.abs(change) <= rule.stable() && done >= rule.minLogins() && jitIdle;
                allStable &= warm;
                trace.add(new Report.WarmUp(cycle, flow.name(), r.loginsPerSecond(), r.keycloakCpuPerLogin(), change, done, warm,
                        threads.jit()));
                line.append(String.format(java.util.Locale.ROOT, " %s %.1f/s %.1f ms CPU (JIT %.1f)%s", flow.name(), r.loginsPerSecond(),
                        1000 * r.keycloakCpuPerLogin(), 1000 * threads.jit(),
                        Double.isNaN(change) ? "" : String.format(java.util.Locale.ROOT, " (%+.0f %%)", 100 * change)));
            }
            say(line + String.format(java.util.Locale.ROOT, " [%,d logins per flow at least]",
                    logins.values().stream().mapToLong(Long::longValue).min().orElse(0)));
            if (allStable) {
                say("  stable: every flow past " + rule.minLogins() + " logins, its CPU per login over the last " + STABLE_SPAN
                        + " cycles within " + Math.round(rule.stable() * 100) + " % of the " + STABLE_SPAN + " before, the JIT at most "
                        + Math.round(rule.jitIdle() * 100) + " % of it");
                return trace;
            }
        }
        say("  not stable within " + rule.maxCycles() + " cycles; measuring anyway (the report says so)");
        return trace;
    }

    /** The mean of the last {@link #STABLE_SPAN} values against the mean of the span before, less one; NaN until both exist. */
    static double trendChange(List<Double> values) {
        int n = values.size();
        if (n < 2 * STABLE_SPAN) {
            return Double.NaN;
        }
        double last = values.subList(n - STABLE_SPAN, n).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double before = values.subList(n - 2 * STABLE_SPAN, n - STABLE_SPAN).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return last / before - 1;
    }

    /**
     * Members of the baseline realm: one per virtual member for A, a pool with authenticator apps for
     * B, a few for the email-key step; and the pack realm's members for C, created as union IT does
     * (admin REST API, email, normal password).
     */
    private static List<String[]> setUpLoginMembers(Admin admin, int vus, int otpPool) throws Exception {
        say("Creating members (" + otpPool + " with authenticator apps; each password costs Keycloak one hash)...");
        List<Map<String, Object>> plain = new ArrayList<>();
        for (int i = 0; i < vus; i++) {
            plain.add(member("a-" + i, List.of(password())));
        }
        for (int i = 0; i < 5; i++) {
            plain.add(member("k-" + i, List.of(password())));
        }
        admin.partialImport("bench", plain);
        List<String[]> otpMembers = new ArrayList<>();
        List<Map<String, Object>> withOtp = new ArrayList<>();
        for (int i = 0; i < otpPool; i++) {
            String secret = secret();
            otpMembers.add(new String[] {"b-" + i, secret});
            withOtp.add(member("b-" + i, List.of(password(), Map.of("type", "otp", "userLabel", "bench",
                    "secretData", "{\"value\":\"" + secret + "\"}",
                    "credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}"))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Machine.cores()));
        List<Future<?>> parts = new ArrayList<>();
        for (int from = 0; from < withOtp.size(); from += 200) {
            List<Map<String, Object>> part = withOtp.subList(from, Math.min(withOtp.size(), from + 200));
            parts.add(pool.submit(() -> admin.partialImport("bench", part)));
        }
        for (Future<?> part : parts) {
            part.get();
        }
        pool.shutdown();
        admin.bindBrowserFlow("bench", "bench-email-key",
                admin.createFlow("bench", "bench username then email key", "auth-username-form", "kenpo-email-key"));
        // The email key mails one member at most mailsPerHour keys (at most 100): the step's logins share its members.
        admin.addExecutionConfig("bench", "bench username then email key", "kenpo-email-key", "bench-email-key",
                Map.of("kenpo.emailKey.mailsPerHour", "100"));
        admin.updateExecutionConfig("kenpo", "kenpo email key", "kenpo-email-key", Map.of("kenpo.emailKey.mailsPerHour", "100"));
        admin.bindBrowserFlow("bench", "bench-username-only", admin.createFlow("bench", "bench username only", "auth-username-form"));
        // C0's members switched the 暗証キー off, which the union's setting must allow.
        admin.updateExecutionConfig("kenpo", "kenpo email key", "kenpo-condition-email-key-login",
                Map.of("kenpo.emailKeyLogin.allowMembersToSwitchOff", "true"));
        for (int i = 0; i < vus; i++) {
            Map<String, Object> switchedOff = kenpoMember("n-" + i);
            switchedOff.put("attributes", Map.of("kenpoEmailKeyLogin", List.of("off")));
            admin.createUser("kenpo", switchedOff);
        }
        // C's members: LoginFlows.C_MEMBERS_PER_VU per virtual member, used in turn, so no member reaches the
        // email key's cap of key mails per hour (100 at most) in a run.
        ExecutorService creators = Executors.newFixedThreadPool(2);
        List<Future<?>> created = new ArrayList<>();
        for (int i = 0; i < vus * LoginFlows.C_MEMBERS_PER_VU; i++) {
            String username = "c-" + i;
            created.add(creators.submit(() -> admin.createUser("kenpo", kenpoMember(username))));
        }
        for (Future<?> c : created) {
            c.get();
        }
        creators.shutdown();
        return otpMembers;
    }

    /** A member of the baseline realm, whose default user profile asks for names. */
    private static Map<String, Object> member(String username, List<Map<String, Object>> credentials) {
        Map<String, Object> user = account(username);
        user.put("firstName", "Bench");
        user.put("lastName", username);
        user.put("credentials", credentials);
        return user;
    }

    /** A pack member as union IT creates one: login ID, email and a normal password. */
    private static Map<String, Object> kenpoMember(String username) {
        Map<String, Object> user = account(username);
        user.put("credentials", List.of(password()));
        return user;
    }

    private static Map<String, Object> account(String username) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("email", LoginFlows.emailOf(username));
        user.put("emailVerified", true);
        user.put("enabled", true);
        return user;
    }

    private static Map<String, Object> password() {
        return Map.of("type", "password", "value", LoginFlows.PASSWORD, "temporary", false);
    }

    private static String secret() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static Path single(Path dir) throws java.io.IOException {
        try (var entries = Files.list(dir)) {
            return entries.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No unpacked Keycloak under " + dir));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
            String[] kv = arg.substring(2).split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return options;
    }

    static void say(String line) {
        System.out.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
    }
}
