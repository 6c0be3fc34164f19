package jp.kenpo.keycloak.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/** Writes results.md, results.csv and results.png into one results folder. */
final class Report {

    /** Everything one run measured; parts not run are null or empty. */
    record Run(String started, String keycloakVersion, String postgresVersion, int vus, int warmupSeconds,
               int measureSeconds, int rounds, int otpPool, List<LoginLoad.Result> logins, List<Round> perRound, Latencies mailWait,
               EmailKeyStep.Result emailKeyStep, MemberScale.ImportResult memberImport,
               List<MemberScale.Lookups> lookups, List<WarmUp> warmUps, double stable, long credentialRowsUpdated,
               HungMail.Result hungMail, TwoNodes.Result twoNodes) {
    }

    /**
     * One flow's measured window in one round; {@code otherSamplesPerHash}: its JFR samples beside the password hash per
     * hash sample (see {@link Profiler.Profile#otherSamplesPerHash()}).
     */
    record Round(int round, String flow, double loginsPerSecond, double keycloakCpuPerLogin, double argon2SamplesPerLogin,
                 double otherSamplesPerHash, ThreadCpu.Split threadsPerLogin) {

        /** This window's cost per login against {@code other}'s, estimated from samples per hash: (1 + x) / (1 + y). */
        double hashNormalisedAgainst(Round other) {
            return (1 + otherSamplesPerHash) / (1 + other.otherSamplesPerHash);
        }
    }

    /**
     * One flow's window in one warm-up cycle; {@code change}: its CPU per login over the last {@link Benchmarks#STABLE_SPAN}
     * cycles against as many before; {@code warm}: whether the flow met the warm-up rule then (stable and enough logins).
     */
    record WarmUp(int cycle, String flow, double loginsPerSecond, double keycloakCpuPerLogin, double change, long loginsSoFar,
                  boolean warm, double jitCpuPerLogin) {
    }

    private static int lastCycle(List<WarmUp> warmUps) {
        return warmUps.stream().mapToInt(WarmUp::cycle).max().orElse(0);
    }

    /** Whether every flow met the warm-up rule (stable and enough logins) in the last cycle, as the warm-up judged it. */
    private static boolean stableAtEnd(List<WarmUp> warmUps) {
        int last = lastCycle(warmUps);
        return warmUps.stream().filter(w -> w.cycle() == last).allMatch(WarmUp::warm);
    }

    /** The fewest warm-up logins of any flow by the end of the warm-up. */
    private static long loginsAtEnd(List<WarmUp> warmUps) {
        int last = lastCycle(warmUps);
        return warmUps.stream().filter(w -> w.cycle() == last).mapToLong(WarmUp::loginsSoFar).min().orElse(0);
    }

    /**
     * A ratio of two flows in one round, for CPU per login, for logins per second, and for cost per login estimated from
     * the profile's samples per hash; all three by round ({@code hashNormalised} NaN where a window had no hash samples).
     */
    record Ratio(String name, double[] cpu, double[] rate, double[] hashNormalised, double[] requestCpu) {

        /** The hash-normalised ratios of the rounds that have one, for their median and spread. */
        double[] hashNormalisedKnown() {
            return Arrays.stream(hashNormalised).filter(v -> !Double.isNaN(v)).toArray();
        }
    }

    /** The ratios compared: C/B (the target), C/A, C0/A (the pack without the mail) and C/C0 (the mail alone). */
    static List<Ratio> ratios(List<Round> rounds) {
        String[][] pairs = {{"C", "B"}, {"C", "A"}, {"C0", "A"}, {"C", "C0"}, {"B", "A"}};
        int n = rounds.stream().mapToInt(Round::round).max().orElse(0);
        List<Ratio> ratios = new ArrayList<>();
        for (String[] pair : pairs) {
            List<Double> cpu = new ArrayList<>();
            List<Double> rate = new ArrayList<>();
            List<Double> normalised = new ArrayList<>();
            List<Double> request = new ArrayList<>();
            for (int round = 1; round <= n; round++) {
                Round x = round(rounds, round, pair[0]);
                Round y = round(rounds, round, pair[1]);
                if (x != null && y != null) {
                    cpu.add(x.keycloakCpuPerLogin() / y.keycloakCpuPerLogin());
                    rate.add(x.loginsPerSecond() / y.loginsPerSecond());
                    normalised.add(x.hashNormalisedAgainst(y));
                    request.add(x.threadsPerLogin().request() / y.threadsPerLogin().request());
                }
            }
            if (!cpu.isEmpty()) {
                ratios.add(new Ratio(pair[0] + "/" + pair[1], cpu.stream().mapToDouble(Double::doubleValue).toArray(),
                        rate.stream().mapToDouble(Double::doubleValue).toArray(),
                        normalised.stream().mapToDouble(Double::doubleValue).toArray(),
                        request.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        return ratios;
    }

    /**
     * {@code --perf}: the request threads' CPU per login by what they were doing, from perf's samples (CPU time, with
     * native and kernel frames), per flow over all rounds, and C − B.
     */
    private static void nativeProfileMarkdown(Run run, StringBuilder md) {
        List<LoginLoad.Result> profiled = run.logins().stream().filter(r -> r.nativeProfile().samples() > 0 && r.logins() > 0).toList();
        if (profiled.isEmpty()) {
            return;
        }
        LoginLoad.Result b = byName(profiled, "B");
        LoginLoad.Result c = byName(profiled, "C");
        md.append("\nWhere the request threads' CPU went (`--perf`: Linux perf's on-CPU samples at " + NativeProfiler.FREQUENCY
                + " Hz with Java, JVM and kernel frames, all rounds; CPU ms per login; each sample goes to the first category "
                + "any frame of its stack matches, in the order of the table). perf keeps per-thread counters that the kernel "
                + "switches at every context switch, so a flow that blocks often (C's SMTP conversation) loses logins per second "
                + "under `--perf`: take logins per second from a run without it.\n\n| What | ");
        profiled.forEach(r -> md.append(r.flow()).append(" | "));
        md.append(b != null && c != null ? "C − B |\n|---|" : "\n|---|");
        profiled.forEach(r -> md.append("---:|"));
        md.append(b != null && c != null ? "---:|\n" : "\n");
        List<String> rows = new ArrayList<>();
        for (String category : NativeProfiler.Profile.categories()) {
            rows.add(category);
            rows.add(category + " | " + NativeProfiler.KERNEL_SHARE);
        }
        for (String row : rows) {
            boolean kernel = row.endsWith(NativeProfiler.KERNEL_SHARE);
            if (kernel && profiled.stream().allMatch(r -> r.nativeProfile().millisPerLogin(row, r.logins()) < 0.05)) {
                continue;
            }
            md.append(kernel ? "| … " + NativeProfiler.KERNEL_SHARE + " |" : "| " + row + " |");
            profiled.forEach(r -> md.append(String.format(Locale.ROOT, " %.2f |", r.nativeProfile().millisPerLogin(row, r.logins()))));
            if (b != null && c != null) {
                md.append(String.format(Locale.ROOT, " %+.2f |", c.nativeProfile().millisPerLogin(row, c.logins())
                        - b.nativeProfile().millisPerLogin(row, b.logins())));
            }
            md.append('\n');
        }
        md.append("| **request threads, all** |");
        profiled.forEach(r -> md.append(String.format(Locale.ROOT, " **%.2f** |", requestMillis(r))));
        if (b != null && c != null) {
            md.append(String.format(Locale.ROOT, " **%+.2f** |", requestMillis(c) - requestMillis(b)));
        }
        md.append("\n| (the same read from /proc by thread) |");
        profiled.forEach(r -> md.append(String.format(Locale.ROOT, " %.2f |", 1000 * r.keycloakThreadsPerLogin().request())));
        md.append(b != null && c != null ? " |\n" : "\n");
    }

    private static double requestMillis(LoginLoad.Result r) {
        return NativeProfiler.Profile.categories().stream().mapToDouble(cat -> r.nativeProfile().millisPerLogin(cat, r.logins())).sum();
    }

    /** One table row per round: its number, a cell per flow A, B, C0, C (empty where it has no window), then {@code more}. */
    private static void roundRows(StringBuilder md, List<Round> rounds, java.util.function.Function<Round, String> cell,
                                  java.util.function.IntFunction<String> more) {
        int n = rounds.stream().mapToInt(Round::round).max().orElse(0);
        for (int round = 1; round <= n; round++) {
            md.append("| ").append(round).append(" |");
            for (String f : List.of("A", "B", "C0", "C")) {
                Round r = round(rounds, round, f);
                md.append(r == null ? " |" : " " + cell.apply(r) + " |");
            }
            md.append(more.apply(round)).append('\n');
        }
    }

    /** CPU ms per login by kind of thread: request · GC · JIT · other. */
    static String byThread(ThreadCpu.Split perLogin) {
        return String.format(Locale.ROOT, "%.1f · %.1f · %.1f · %.1f", 1000 * perLogin.request(), 1000 * perLogin.gc(),
                1000 * perLogin.jit(), 1000 * perLogin.other());
    }

    private static Round round(List<Round> rounds, int round, String flow) {
        return rounds.stream().filter(r -> r.round() == round && r.flow().equals(flow)).findFirst().orElse(null);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(Double.NaN);
    }

    private Report() {
    }

    static void write(Path dir, Run run) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.md"), markdown(run), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.csv"), csv(run), StandardCharsets.UTF_8);
        ImageIO.write(chart(run), "png", dir.resolve("results.png").toFile());
    }

    static String markdown(Run run) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append(String.format("Run %s on %d cores (%s), %s memory; Keycloak %s in production mode (`kc.sh build` + `kc.sh start --optimized`, "
                        + "PostgreSQL %s, embedded Infinispan `--cache=ispn`: a cluster of one) with the pack; load driver on the same machine.%n%n",
                run.started(), Machine.cores(), Machine.cpuModel(), Machine.memory(), run.keycloakVersion(), run.postgresVersion()));
        if (!run.logins().isEmpty()) {
            md.append(String.format(Locale.ROOT, "## Logins (%d virtual members per flow; warm-up in cycles of %d s per flow until stable, "
                            + "then %d rounds of %d s per flow in alternating order)%n%n",
                    run.vus(), run.warmupSeconds(), run.rounds(), run.measureSeconds()));
            md.append("Windows are noisy on a few shared cores (the host itself may change speed within minutes; see benchmarks/README.md): "
                    + "so flows are compared within each round and the per-round ratios are summarised by their median "
                    + "and spread. Keycloak CPU seconds per login (of the Keycloak JVM alone, from /proc) is the primary figure; logins "
                    + "per second, which the whole shared machine bounds, the secondary one.\n\n");
            List<Ratio> ratios = ratios(run.perRound());
            if (!ratios.isEmpty()) {
                md.append("| Ratio (per round) | KC CPU per login: median | min – max | Logins/s: median | min – max "
                        + "| Request threads' CPU per login: median | min – max "
                        + "| Estimated from samples per hash: median | min – max | Target |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
                for (Ratio r : ratios) {
                    String target = switch (r.name()) {
                        case "C/B" -> "CPU ≤ 1.05, logins/s ≥ 0.95";
                        default -> "";
                    };
                    double[] known = r.hashNormalisedKnown();
                    md.append(String.format(Locale.ROOT, "| **%s** | **%.2f** | %.2f – %.2f | **%.2f** | %.2f – %.2f | %.2f | %.2f – %.2f | %s | %s | %s |%n", r.name(),
                            median(r.cpu()), min(r.cpu()), max(r.cpu()), median(r.rate()), min(r.rate()), max(r.rate()),
                            median(r.requestCpu()), min(r.requestCpu()), max(r.requestCpu()),
                            known.length == 0 ? "" : String.format(Locale.ROOT, "%.2f", median(known)),
                            known.length == 0 ? "" : String.format(Locale.ROOT, "%.2f – %.2f", min(known), max(known)), target));
                }
                md.append("\nRequest threads: the Keycloak JVM's CPU read by thread from /proc (Quarkus' executor and Vert.x threads), "
                        + "without the garbage collector, the JIT compiler and the JVM's other threads; the split per round is below.\n");
                md.append("\nThe estimate: every login of every flow hashes its password once (Argon2), so each window's JFR samples of "
                        + "everything else per Argon2 sample (x) give a flow's cost beside its hash, and (1 + x) / (1 + y) two flows' cost per "
                        + "login. A host that slows down slows the hash and the rest alike, so this ratio holds still where CPU per login "
                        + "moves by 2× within minutes; it assumes JFR over-samples the long hash by the same factor in both windows.\n\n");
            }
            md.append("Sums over all rounds:\n\n");
            md.append("| Flow | What | KC CPU s/login | KC CPU ms/login by thread: request · GC · JIT · other | Logins/s | Errors | DB CPU s/login | Driver CPU s/login | Argon2 samples/login | Machine busy | Step | p50 ms | p95 ms | p99 ms |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
            for (LoginLoad.Result r : run.logins()) {
                boolean first = true;
                for (Map.Entry<String, Latencies> step : withAll(r)) {
                    Latencies l = step.getValue();
                    md.append(first
                            ? String.format(Locale.ROOT, "| **%s** | %s | **%.4f** | %s | **%.1f** | %d | %.4f | %.4f | %.2f | %.0f %% ", r.flow(), r.description(),
                                    r.keycloakCpuPerLogin(), byThread(r.keycloakThreadsPerLogin()), r.loginsPerSecond(), r.errors(),
                                    r.databaseCpuPerLogin(), r.driverCpuPerLogin(), r.argon2SamplesPerLogin(), 100 * r.machineBusy())
                            : "| | | | | | | | | | ");
                    md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", step.getKey(),
                            l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99)));
                    first = false;
                }
            }
            LoginLoad.Result a = byName(run.logins(), "A");
            LoginLoad.Result b = byName(run.logins(), "B");
            LoginLoad.Result c = byName(run.logins(), "C");
            if (a != null && b != null && c != null) {
                md.append(String.format(Locale.ROOT, "%nOver the sums: Keycloak CPU per login **C/B = %.2f**, C/A = %.2f; logins per second "
                                + "**C/B = %.2f**, C/A = %.2f.%n",
                        c.keycloakCpuPerLogin() / b.keycloakCpuPerLogin(), c.keycloakCpuPerLogin() / a.keycloakCpuPerLogin(),
                        c.loginsPerSecond() / b.loginsPerSecond(), c.loginsPerSecond() / a.loginsPerSecond()));
            }
            LoginLoad.Result c0 = byName(run.logins(), "C0");
            if (a != null && c0 != null) {
                md.append(String.format(Locale.ROOT, "C0/A: Keycloak CPU per login %.2f, logins per second %.2f "
                                + "(the pack's flow and realm without the mail against Keycloak's password-only flow).%n",
                        c0.keycloakCpuPerLogin() / a.keycloakCpuPerLogin(), c0.loginsPerSecond() / a.loginsPerSecond()));
            }
            if (run.credentialRowsUpdated() >= 0) {
                md.append(String.format(Locale.ROOT, "Credential rows updated in the database during all rounds (a password re-hashed at login "
                        + "updates one): **%d** for %d logins.%n", run.credentialRowsUpdated(),
                        run.logins().stream().mapToLong(LoginLoad.Result::logins).sum()));
            }
            if (!run.perRound().isEmpty()) {
                md.append("\nPer round, in the order measured (Keycloak CPU ms per login · logins/s), with the ratios of that round:\n\n"
                        + "| Round | A | B | C0 | C | C/B CPU | C/A CPU | C0/A CPU | C/B logins/s | C/A logins/s |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
                roundRows(md, run.perRound(),
                        r -> String.format(Locale.ROOT, "%.1f · %.1f", 1000 * r.keycloakCpuPerLogin(), r.loginsPerSecond()),
                        round -> {
                            StringBuilder cells = new StringBuilder();
                            for (String[] pair : new String[][] {{"C", "B"}, {"C", "A"}, {"C0", "A"}}) {
                                Round x = round(run.perRound(), round, pair[0]);
                                Round y = round(run.perRound(), round, pair[1]);
                                cells.append(x == null || y == null ? " |" : String.format(Locale.ROOT, " %.2f |", x.keycloakCpuPerLogin() / y.keycloakCpuPerLogin()));
                            }
                            for (String[] pair : new String[][] {{"C", "B"}, {"C", "A"}}) {
                                Round x = round(run.perRound(), round, pair[0]);
                                Round y = round(run.perRound(), round, pair[1]);
                                cells.append(x == null || y == null ? " |" : String.format(Locale.ROOT, " %.2f |", x.loginsPerSecond() / y.loginsPerSecond()));
                            }
                            return cells.toString();
                        });
                md.append("\nKeycloak CPU ms per login by thread, per round (request threads · garbage collector · JIT compiler · the rest, "
                        + "which includes threads that ended in the window):\n\n| Round | A | B | C0 | C |\n|---:|---:|---:|---:|---:|\n");
                roundRows(md, run.perRound(), r -> byThread(r.threadsPerLogin()), round -> "");
            }
            if (!run.warmUps().isEmpty()) {
                int cycles = lastCycle(run.warmUps());
                boolean reached = stableAtEnd(run.warmUps());
                long warmLogins = loginsAtEnd(run.warmUps());
                md.append(String.format(Locale.ROOT, "%nWarm-up: %d cycles, at least %,d logins per flow (Keycloak CPU ms per login · logins/s · the JIT compiler's CPU ms per login; in brackets the change of the mean CPU per login of the last %d cycles against the %d before); %s.%n%n",
                        cycles, warmLogins, Benchmarks.STABLE_SPAN, Benchmarks.STABLE_SPAN, reached ? "stable: every flow's last " + Benchmarks.STABLE_SPAN
                                + " cycles within " + Math.round(100 * run.stable()) + " % of the " + Benchmarks.STABLE_SPAN + " before, the JIT idle"
                                : "**not warm** within the cycles allowed (not stable, or fewer logins than asked); the rounds were measured anyway"));
                md.append("| Cycle | A | B | C0 | C |\n|---:|---:|---:|---:|---:|\n");
                for (int cycle = 1; cycle <= cycles; cycle++) {
                    md.append("| ").append(cycle).append(" |");
                    for (String f : List.of("A", "B", "C0", "C")) {
                        int cy = cycle;
                        WarmUp w = run.warmUps().stream().filter(x -> x.cycle() == cy && x.flow().equals(f)).findFirst().orElse(null);
                        md.append(w == null ? " |" : String.format(Locale.ROOT, " %.1f · %.1f · JIT %.1f%s |", 1000 * w.keycloakCpuPerLogin(),
                                w.loginsPerSecond(), 1000 * w.jitCpuPerLogin(),
                                Double.isNaN(w.change()) ? "" : String.format(Locale.ROOT, " (%+.0f %%)", 100 * w.change())));
                    }
                    md.append('\n');
                }
            }
            if (c != null && !c.emailKeyEvents().isEmpty()) {
                Latencies challenge = new Latencies();
                Latencies answer = new Latencies();
                c.emailKeyEvents().forEach(e -> ("challenge".equals(e.phase()) ? challenge : answer).add(e.nanos()));
                md.append(String.format(Locale.ROOT, "%nInside Keycloak during C's window (the pack's JFR event): the email-key challenge call "
                                + "(key, mail with its SMTP conversation, page) p50 %.1f ms, p95 %.1f ms; the answer call p50 %.2f ms, p95 %.2f ms.%n",
                        challenge.percentileMillis(50), challenge.percentileMillis(95), answer.percentileMillis(50), answer.percentileMillis(95)));
            }
            nativeProfileMarkdown(run, md);
            md.append("\nWhere each flow's Keycloak time went (JFR samples of the whole Keycloak JVM in the flow's windows, all rounds). JFR samples "
                    + "Java threads that are runnable, on a core or waiting for one, so on a saturated machine a long CPU-bound call such as the "
                    + "password hash gets more than its share of CPU: compare flows by samples per login, not a share with CPU seconds.\n");
            for (LoginLoad.Result r : run.logins()) {
                if (r.profile().all() == 0) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "%n%s (%d logins, %.1f samples per login, %.2f of them Argon2):%n%n", r.flow(), r.logins(),
                        (double) r.profile().all() / Math.max(1, r.logins()), r.argon2SamplesPerLogin()));
                r.profile().allLines(8).forEach(l -> md.append("    ").append(l).append('\n'));
            }
            if (run.mailWait() != null && run.mailWait().count() > 0) {
                md.append(String.format(Locale.ROOT, "%nIn C, the member's wait for the mail (password answer to key in the sink, not a server step) "
                        + "was p50 %.1f ms, p95 %.1f ms. B used a pool of %d members with authenticator apps, since Keycloak refuses a code twice "
                        + "(at most %.0f logins/s: each member once per 30-second period).%n",
                        run.mailWait().percentileMillis(50), run.mailWait().percentileMillis(95), run.otpPool(), run.otpPool() / 30.0));
            }
        }
        HungMail.Result hm = run.hungMail();
        if (hm != null) {
            md.append(String.format(Locale.ROOT, "%n## A hung mail server (accepts connections, never answers; realm mail timeout %d ms)%n%n", hm.timeoutMillis()));
            md.append("C0's members need no mail; C's ask for a key while the mail server hangs. Windows alternate: C0 alone, then C0 beside "
                    + run.vus() + " members asking for keys (both with " + run.vus() + " virtual members).\n\n");
            md.append("| Pair | C0 alone, logins/s | C0 beside the hung key requests | Ratio (target ≥ 0.90) | Key requests answered/s |\n|---:|---:|---:|---:|---:|\n");
            for (int i = 0; i < hm.pairs().size(); i++) {
                double[] p = hm.pairs().get(i);
                md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.2f | %.2f |%n", i + 1, p[0], p[1], p[1] / p[0], p[2]));
            }
            md.append("\nEach key request checks its password (one Argon2 hash, like a C0 login) before it tries the mail, so the key "
                    + "requests take CPU from C0 in proportion to their rate, hang or no hang; what the hang must not do is hold C0 up "
                    + "in any other way.\n");
            md.append(String.format(Locale.ROOT, "%nMedian ratio **%.2f** (min %.2f, max %.2f). Key requests against the hung server: %d answered with "
                            + "the 「送信できませんでした」 page, %d otherwise (errors); their answer (password POST, which tries the mail) p50 %.0f ms, "
                            + "p95 %.0f ms, max %.0f ms against the %d ms mail timeout; %d connections held by the hung server.%n",
                    median(hm.ratios()), min(hm.ratios()), max(hm.ratios()), hm.hungPages(), hm.hungErrors(),
                    hm.hungAnswers().percentileMillis(50), hm.hungAnswers().percentileMillis(95), hm.hungAnswers().percentileMillis(100),
                    hm.timeoutMillis(), hm.connectionsHeld()));
            if (hm.challengeCalls().count() > 0) {
                md.append(String.format(Locale.ROOT, "Inside Keycloak (the pack's JFR event around the key step: the mail attempt and the page, "
                                + "without the password check): p50 %.0f ms, p95 %.0f ms, max %.0f ms over %d requests.%n",
                        hm.challengeCalls().percentileMillis(50), hm.challengeCalls().percentileMillis(95),
                        hm.challengeCalls().percentileMillis(100), hm.challengeCalls().count()));
            }
        }
        twoNodesMarkdown(run, md);
        EmailKeyStep.Result k = run.emailKeyStep();
        if (k != null) {
            md.append(String.format(Locale.ROOT, "%n## Email-key step, server time without SMTP (%d logins, one at a time)%n%n", k.samples()));
            md.append("| Measure | p50 ms | p95 ms |\n|---|---:|---:|\n");
            md.append(String.format(Locale.ROOT, "| **Email-key step, server time without SMTP (target p50 < 5 ms)** | **%.2f** | %.2f |%n", k.stepP50(), k.stepP95()));
            md.append(String.format(Locale.ROOT, "| Challenge call (new key, mail rendered and sent, page) | %.2f | |%n", k.challengeP50()));
            md.append(String.format(Locale.ROOT, "| SMTP conversation, timed by the sink (taken off) | %.2f | |%n", k.smtpP50()));
            md.append(String.format(Locale.ROOT, "| Answer call (key checked, login continues) | %.2f | |%n", k.answerP50()));
            md.append(String.format(Locale.ROOT, "| Cross-check from the client: D's POSTs − SMTP − E's POST (one more HTTP request) | %.2f | |%n", k.clientSideP50()));
            md.append("\nServer times come from the pack's JFR event `" + Profiler.EMAIL_KEY_EVENT + "` around each call of the step, "
                    + "paired per login with the SMTP conversation the sink timed. D = Keycloak's username form then the email key, "
                    + "E = the username form alone (no password hash on either side).\n");
            if (!k.profile().isEmpty()) {
                md.append("\nCPU samples inside the step:\n\n");
                k.profile().forEach(l -> md.append("    ").append(l).append('\n'));
            }
        }
        MemberScale.ImportResult im = run.memberImport();
        if (im != null) {
            md.append(String.format(Locale.ROOT, "%n## Member import%n%n| Rows | Insured (one temporary password each) | Seconds | **Members/s** (target ≥ 1,000) | KC CPU s | DB CPU s | KC CPU ms/member | DB CPU ms/member | Heap after GC, max MiB | Live heap after forced full GCs, max MiB (samples) |%n"
                    + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n| %,d | %,d | %.1f | **%.0f** | %.1f | %.1f | %.3f | %.3f | %.0f | %.0f (%d) |%n",
                    im.rows(), im.insured(), im.seconds(), im.membersPerSecond(), im.keycloakCpu(), im.databaseCpu(),
                    1000 * im.keycloakCpu() / im.rows(), 1000 * im.databaseCpu() / im.rows(), im.heap().afterGcMaxMib(),
                    im.heap().liveMaxMib(), im.heap().liveSamples()));
            if (!im.profile().isEmpty()) {
                md.append("\nWhere the import's threads spent their time (JFR samples):\n\n");
                im.profile().forEach(l -> md.append("    ").append(l).append('\n'));
            }
        }
        if (run.lookups() != null && !run.lookups().isEmpty()) {
            md.append("\n## Dependent lookup (one member at a time; a quarter of the queries match nobody)\n\n"
                    + "| Members in the realm | Lookups | **Lookup p50 ms** | **Lookup p95 ms** (target < 20 at 500,000) | Data form answer p50 ms | p95 ms |\n"
                    + "|---:|---:|---:|---:|---:|---:|\n");
            run.lookups().forEach(l -> md.append(String.format(Locale.ROOT, "| %,d | %d | **%.2f** | **%.2f** | %.1f | %.1f |%n",
                    l.members(), l.server().count(), l.server().percentileMillis(50), l.server().percentileMillis(95),
                    l.answer().percentileMillis(50), l.answer().percentileMillis(95))));
            md.append("\nLookup = the search and comparison inside Keycloak, from the pack's JFR event `" + Profiler.LOOKUP_EVENT
                    + "`; the data form's answer is the whole HTTP request as the member's browser sees it (form checks, throttles, "
                    + "event, the next page).\n");
        }
        return md.toString();
    }

    static String csv(Run run) {
        StringBuilder csv = new StringBuilder("section,flow,step,count,p50_ms,p95_ms,p99_ms,per_second,kc_cpu_s_per_unit,db_cpu_s_per_unit\n");
        for (LoginLoad.Result r : run.logins()) {
            for (Map.Entry<String, Latencies> step : withAll(r)) {
                Latencies l = step.getValue();
                csv.append(String.format(Locale.ROOT, "login,%s,%s,%d,%.3f,%.3f,%.3f,%.3f,%.5f,%.5f%n", r.flow(), step.getKey(), l.count(),
                        l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99), r.loginsPerSecond(),
                        r.keycloakCpuPerLogin(), r.databaseCpuPerLogin()));
            }
        }
        run.perRound().forEach(r -> {
            csv.append(String.format(Locale.ROOT, "login-round-%d,%s,,,,,,%.3f,%.5f,%n",
                    r.round(), r.flow(), r.loginsPerSecond(), r.keycloakCpuPerLogin()));
            ThreadCpu.Split t = r.threadsPerLogin();
            csv.append(String.format(Locale.ROOT, "login-round-%d-threads,%s,request,,,,,,%.5f,%n", r.round(), r.flow(), t.request()));
            csv.append(String.format(Locale.ROOT, "login-round-%d-threads,%s,gc,,,,,,%.5f,%n", r.round(), r.flow(), t.gc()));
            csv.append(String.format(Locale.ROOT, "login-round-%d-threads,%s,jit,,,,,,%.5f,%n", r.round(), r.flow(), t.jit()));
            csv.append(String.format(Locale.ROOT, "login-round-%d-threads,%s,other,,,,,,%.5f,%n", r.round(), r.flow(), t.other()));
        });
        // Ratios: per_second holds the logins/s ratio, kc_cpu_s_per_unit the CPU-per-login ratio; p50 is the median over rounds.
        for (Ratio r : ratios(run.perRound())) {
            for (int i = 0; i < r.cpu().length; i++) {
                csv.append(String.format(Locale.ROOT, "ratio-round-%d,%s,,,,,,%.4f,%.4f,%n", i + 1, r.name(), r.rate()[i], r.cpu()[i]));
            }
            csv.append(String.format(Locale.ROOT, "ratio-median,%s,,%d,,,,%.4f,%.4f,%n", r.name(), r.cpu().length, median(r.rate()), median(r.cpu())));
            csv.append(String.format(Locale.ROOT, "ratio-min,%s,,%d,,,,%.4f,%.4f,%n", r.name(), r.cpu().length, min(r.rate()), min(r.cpu())));
            csv.append(String.format(Locale.ROOT, "ratio-max,%s,,%d,,,,%.4f,%.4f,%n", r.name(), r.cpu().length, max(r.rate()), max(r.cpu())));
            // kc_cpu_s_per_unit holds the ratio of the request threads' CPU per login.
            for (int i = 0; i < r.requestCpu().length; i++) {
                csv.append(String.format(Locale.ROOT, "ratio-request-threads-round-%d,%s,,,,,,,%.4f,%n", i + 1, r.name(), r.requestCpu()[i]));
            }
            // kc_cpu_s_per_unit holds the ratio estimated from the samples per hash (see results.md).
            for (int i = 0; i < r.hashNormalised().length; i++) {
                if (Double.isNaN(r.hashNormalised()[i])) {
                    continue;
                }
                csv.append(String.format(Locale.ROOT, "ratio-hash-normalised-round-%d,%s,,,,,,,%.4f,%n", i + 1, r.name(), r.hashNormalised()[i]));
            }
        }
        HungMail.Result hm = run.hungMail();
        if (hm != null) {
            for (int i = 0; i < hm.pairs().size(); i++) {
                csv.append(String.format(Locale.ROOT, "hung-mail-pair-%d,C0,alone,,,,,%.3f,,%n", i + 1, hm.pairs().get(i)[0]));
                csv.append(String.format(Locale.ROOT, "hung-mail-pair-%d,C0,beside hung key requests,,,,,%.3f,,%n", i + 1, hm.pairs().get(i)[1]));
            }
            csv.append(String.format(Locale.ROOT, "hung-mail,C-hung,answer,%d,%.3f,%.3f,%.3f,,,%n", hm.hungAnswers().count(),
                    hm.hungAnswers().percentileMillis(50), hm.hungAnswers().percentileMillis(95), hm.hungAnswers().percentileMillis(99)));
        }
        twoNodesCsv(run, csv);
        EmailKeyStep.Result k = run.emailKeyStep();
        if (k != null) {
            csv.append(String.format(Locale.ROOT, "email-key-step,C,server time without smtp,%d,%.3f,%.3f,,,,%n", k.samples(), k.stepP50(), k.stepP95()));
            csv.append(String.format(Locale.ROOT, "email-key-step,C,client-side cross-check,%d,%.3f,,,,,%n", k.samples(), k.clientSideP50()));
        }
        MemberScale.ImportResult im = run.memberImport();
        if (im != null) {
            csv.append(String.format(Locale.ROOT, "import,,%d rows,%d,,,,%.1f,%.6f,%.6f%n", im.rows(), im.rows(), im.membersPerSecond(),
                    im.keycloakCpu() / im.rows(), im.databaseCpu() / im.rows()));
        }
        if (run.lookups() != null) {
            run.lookups().forEach(l -> {
                csv.append(String.format(Locale.ROOT, "lookup,,%d members (server),%d,%.3f,%.3f,%.3f,,,%n", l.members(), l.server().count(),
                        l.server().percentileMillis(50), l.server().percentileMillis(95), l.server().percentileMillis(99)));
                csv.append(String.format(Locale.ROOT, "lookup,,%d members (http answer),%d,%.3f,%.3f,%.3f,,,%n", l.members(), l.answer().count(),
                        l.answer().percentileMillis(50), l.answer().percentileMillis(95), l.answer().percentileMillis(99)));
            });
        }
        return csv.toString();
    }

    /**
     * {@code --two-nodes}: each flow on two nodes (both JVMs' CPU added up) against one node, measured in alternating
     * windows of the same rounds, with the ratio two nodes / one node per round (median and spread) and over the sums;
     * the rounds, the warm-up, how the load split between the nodes, and HAProxy's CPU.
     */
    private static void twoNodesMarkdown(Run run, StringBuilder md) {
        TwoNodes.Result t = run.twoNodes();
        if (t == null) {
            return;
        }
        md.append("\n## Two nodes behind HAProxy (`--two-nodes`)\n\n");
        if (t.failure() != null) {
            md.append("**The two-node phase failed**: `").append(t.failure()).append("` (logs: `benchmarks/target/bench-work/keycloak-a.log`, "
                    + "`keycloak-b.log`, `keycloak-single.log`, `haproxy/haproxy.log`).\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "Two nodes of the single node's build (`kc.sh start --optimized --cache=ispn`, finding each other "
                + "through the shared PostgreSQL: JDBC-ping) behind HAProxy (round robin for every request, no stickiness: each request of "
                + "a login may go to either node), **against one node of the same build in alternating windows** (A on one node, A on two "
                + "nodes, B on one node, …; the order reversed every round), so that a host changing speed moves both alike. The one node "
                + "runs on a copy of the pair's database taken when the phase started (on the same database it would join the pair's "
                + "cluster); realms, members and flows are the same. %d virtual members per flow, warm-up in cycles until stable, then "
                + "%d %s of %d s per flow and setup. Keycloak CPU of the pair is both JVMs' CPU added up.%n%n",
                run.vus(), run.rounds(), run.rounds() == 1 ? "round" : "rounds", run.measureSeconds()));
        if (Machine.cores() <= 2) {
            md.append(String.format(Locale.ROOT, "**This machine has %d cores: two nodes share the cores one node had, so they cannot show "
                    + "scale-out (more logins per second than one node). What they show is the CPU a login costs in a two-node cluster "
                    + "against one node**, and that the flows work with every request on either node. Logins per second are given for "
                    + "completeness; on %d shared cores they measure the machine, not the cluster.%n%n", Machine.cores(), Machine.cores()));
        } else {
            md.append(String.format(Locale.ROOT, "Both nodes run on this machine's %d cores, beside PostgreSQL and the load driver: logins per "
                    + "second show scale-out only as far as one node left cores idle. The primary figure is the CPU a login costs in a "
                    + "two-node cluster against one node.%n%n", Machine.cores()));
        }
        md.append("| Flow | KC CPU s/login, one node | **two nodes** (both JVMs) | **Ratio per round**, median (min – max) | Ratio over the sums "
                + "| Logins/s, one node | two nodes | Ratio | Errors, one · two nodes | Argon2 samples/login, one · two |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LoginLoad.Result two : t.logins()) {
            LoginLoad.Result one = byName(t.single(), two.flow());
            double[] ratios = twoNodeRatios(t, two.flow());
            if (one == null) {
                md.append(String.format(Locale.ROOT, "| **%s** | | **%.4f** | | | | %.1f | | · %d | · %.2f |%n", two.flow(),
                        two.keycloakCpuPerLogin(), two.loginsPerSecond(), two.errors(), two.argon2SamplesPerLogin()));
                continue;
            }
            md.append(String.format(Locale.ROOT, "| **%s** | %.4f | **%.4f** | **%.2f** (%.2f – %.2f) | %.2f | %.1f | %.1f | %.2f | %d · %d | %.2f · %.2f |%n",
                    two.flow(), one.keycloakCpuPerLogin(), two.keycloakCpuPerLogin(), median(ratios), min(ratios), max(ratios),
                    two.keycloakCpuPerLogin() / one.keycloakCpuPerLogin(),
                    one.loginsPerSecond(), two.loginsPerSecond(), two.loginsPerSecond() / one.loginsPerSecond(), one.errors(), two.errors(),
                    one.argon2SamplesPerLogin(), two.argon2SamplesPerLogin()));
        }
        List<Ratio> oneNodeRatios = ratios(t.singlePerRound());
        if (!oneNodeRatios.isEmpty()) {
            md.append("\nThe one node's own ratios in this phase (issue 19, target 1, a second reading; its flows' windows are two "
                    + "apart here, a pair window between), per round, median (min – max):\n\n"
                    + "| Ratio | KC CPU per login | Logins/s | Estimated from samples per hash |\n|---|---:|---:|---:|\n");
            for (Ratio r : oneNodeRatios) {
                double[] known = r.hashNormalisedKnown();
                md.append(String.format(Locale.ROOT, "| %s | %.2f (%.2f – %.2f) | %.2f (%.2f – %.2f) | %s |%n", r.name(), median(r.cpu()),
                        min(r.cpu()), max(r.cpu()), median(r.rate()), min(r.rate()), max(r.rate()), known.length == 0 ? ""
                                : String.format(Locale.ROOT, "%.2f (%.2f – %.2f)", median(known), min(known), max(known))));
            }
        }
        double nodes = t.nodeCpuSeconds().length == 2 ? t.nodeCpuSeconds()[0] + t.nodeCpuSeconds()[1] : 0;
        if (nodes > 0) {
            md.append(String.format(Locale.ROOT, "%nThe load split between the nodes during the rounds: node a used %.0f %% of the Keycloak CPU "
                            + "(%.0f s of %.0f s) and answered %,d requests, node b %,d. HAProxy used %.2f ms of CPU per login (%.1f s for %,d logins), "
                            + "not counted in the Keycloak CPU above.%n",
                    100 * t.nodeCpuSeconds()[0] / nodes, t.nodeCpuSeconds()[0], nodes, t.nodeRequests()[0], t.nodeRequests()[1],
                    1000 * t.balancerCpuSeconds() / Math.max(1, t.loginsMeasured()), t.balancerCpuSeconds(), t.loginsMeasured()));
        }
        if (!t.perRound().isEmpty()) {
            md.append("\nPer round (Keycloak CPU ms per login, one node → two nodes (both JVMs), and the ratio):\n\n"
                    + "| Round | A | B | C0 | C |\n|---:|---|---|---|---|\n");
            int n = t.perRound().stream().mapToInt(Round::round).max().orElse(0);
            for (int round = 1; round <= n; round++) {
                md.append("| ").append(round).append(" |");
                for (String f : List.of("A", "B", "C0", "C")) {
                    Round one = round(t.singlePerRound(), round, f);
                    Round two = round(t.perRound(), round, f);
                    md.append(one == null || two == null ? " |" : String.format(Locale.ROOT, " %.1f → %.1f (%.2f) |",
                            1000 * one.keycloakCpuPerLogin(), 1000 * two.keycloakCpuPerLogin(), two.keycloakCpuPerLogin() / one.keycloakCpuPerLogin()));
                }
                md.append('\n');
            }
        }
        if (!t.warmUps().isEmpty()) {
            int cycles = lastCycle(t.warmUps());
            boolean reached = stableAtEnd(t.warmUps());
            long warmLogins = loginsAtEnd(t.warmUps());
            md.append(String.format(Locale.ROOT, "%nWarm-up of both (flows on two nodes named two-…): %d cycles, at least %,d logins per flow and "
                            + "setup; %s. Logins/s per cycle: %s.%n", cycles, warmLogins,
                    reached ? "warm (stable, the logins asked)" : "**not warm** within the cycles allowed (not stable, or fewer logins than asked), measured anyway",
                    String.join("; ", t.warmUps().stream().map(w -> String.format(Locale.ROOT, "%d %s %.1f", w.cycle(), w.flow(),
                            w.loginsPerSecond())).toList())));
        }
        md.append("\nWhere each flow's time went on the two nodes (JFR samples of both JVMs, all rounds):\n");
        for (LoginLoad.Result r : t.logins()) {
            if (r.profile().all() == 0) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "%n%s on two nodes (%d logins, %.1f samples per login, %.2f of them Argon2, %.2f Infinispan, "
                            + "%.2f JGroups):%n%n", r.flow(), r.logins(), (double) r.profile().all() / Math.max(1, r.logins()),
                    r.argon2SamplesPerLogin(), (double) r.profile().samplesOf(Profiler.INFINISPAN) / Math.max(1, r.logins()),
                    (double) r.profile().samplesOf(Profiler.JGROUPS) / Math.max(1, r.logins())));
            r.profile().allLines(8).forEach(l -> md.append("    ").append(l).append('\n'));
        }
    }

    /** One flow's CPU per login on two nodes against one node, per round (the windows side by side). */
    private static double[] twoNodeRatios(TwoNodes.Result t, String flow) {
        List<Double> ratios = new ArrayList<>();
        for (Round two : t.perRound()) {
            Round one = two.flow().equals(flow) ? round(t.singlePerRound(), two.round(), flow) : null;
            if (one != null) {
                ratios.add(two.keycloakCpuPerLogin() / one.keycloakCpuPerLogin());
            }
        }
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static LoginLoad.Result byName(List<LoginLoad.Result> results, String flow) {
        return results.stream().filter(r -> r.flow().equals(flow)).findFirst().orElse(null);
    }

    private static void twoNodesCsv(Run run, StringBuilder csv) {
        TwoNodes.Result t = run.twoNodes();
        if (t == null || t.failure() != null) {
            return;
        }
        for (LoginLoad.Result r : t.logins()) {
            for (Map.Entry<String, Latencies> step : withAll(r)) {
                Latencies l = step.getValue();
                csv.append(String.format(Locale.ROOT, "two-nodes,%s,%s,%d,%.3f,%.3f,%.3f,%.3f,%.5f,%.5f%n", r.flow(), step.getKey(), l.count(),
                        l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99), r.loginsPerSecond(),
                        r.keycloakCpuPerLogin(), r.databaseCpuPerLogin()));
            }
            LoginLoad.Result one = byName(t.single(), r.flow());
            if (one != null) {
                // per_second holds the logins/s ratio, kc_cpu_s_per_unit the CPU-per-login ratio (two nodes / one node, over the sums).
                csv.append(String.format(Locale.ROOT, "two-nodes-ratio,%s,two nodes / one node,%d,,,,%.4f,%.4f,%n", r.flow(), r.logins(),
                        r.loginsPerSecond() / one.loginsPerSecond(), r.keycloakCpuPerLogin() / one.keycloakCpuPerLogin()));
            }
        }
        t.perRound().forEach(r -> csv.append(String.format(Locale.ROOT, "two-nodes-round-%d,%s,,,,,,%.3f,%.5f,%n",
                r.round(), r.flow(), r.loginsPerSecond(), r.keycloakCpuPerLogin())));
        t.singlePerRound().forEach(r -> csv.append(String.format(Locale.ROOT, "two-nodes-phase-one-node-round-%d,%s,,,,,,%.3f,%.5f,%n",
                r.round(), r.flow(), r.loginsPerSecond(), r.keycloakCpuPerLogin())));
        csv.append(String.format(Locale.ROOT, "two-nodes-balancer,,haproxy cpu per login,%d,,,,,%.5f,%n", t.loginsMeasured(),
                t.balancerCpuSeconds() / Math.max(1, t.loginsMeasured())));
        for (int i = 0; i < t.nodeCpuSeconds().length; i++) {
            csv.append(String.format(Locale.ROOT, "two-nodes-node,%s,kc cpu s and requests in the rounds,%d,,,,,%.3f,%n",
                    KeycloakPair.NODES.get(i), t.nodeRequests()[i], t.nodeCpuSeconds()[i]));
        }
    }

    private static List<Map.Entry<String, Latencies>> withAll(LoginLoad.Result r) {
        List<Map.Entry<String, Latencies>> rows = new ArrayList<>(r.steps().entrySet());
        rows.add(Map.entry("all requests of a login", r.requests()));
        return rows;
    }

    /**
     * Left: Keycloak CPU ms per login per flow (the primary figure). Middle: logins per second per flow.
     * Right: the ratios C/B and C/A of CPU per login in each round (the spread the medians summarise).
     * With {@code --two-nodes}, a second row: CPU per login and logins per second of one node beside two nodes.
     */
    static BufferedImage chart(Run run) {
        TwoNodes.Result two = run.twoNodes() != null && run.twoNodes().failure() == null && !run.twoNodes().logins().isEmpty()
                ? run.twoNodes() : null;
        int w = 1200;
        int h = two == null ? 480 : 920;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(String.format("Keycloak %s, %d cores (shared), %s: A = password, B = password + OTP, C0 = pack without key, C = pack (password + email key)",
                run.keycloakVersion(), Machine.cores(), Machine.memory()), 20, 28);
        List<LoginLoad.Result> logins = run.logins();
        double maxCpu = logins.stream().mapToDouble(r -> 1000 * r.keycloakCpuPerLogin()).max().orElse(1);
        panel(g, 30, 60, 360, 360, "Keycloak CPU ms per login (all rounds)", maxCpu, logins.size(), 1,
                (i, s) -> 1000 * logins.get(i).keycloakCpuPerLogin(), i -> logins.get(i).flow(), new Color[] {new Color(0x805ad5)});
        double maxRate = logins.stream().mapToDouble(LoginLoad.Result::loginsPerSecond).max().orElse(1);
        panel(g, 420, 60, 360, 360, "Logins per second at saturation", maxRate, logins.size(), 1, (i, s) -> logins.get(i).loginsPerSecond(),
                i -> logins.get(i).flow(), new Color[] {new Color(0x2b6cb0)});
        List<Ratio> ratios = ratios(run.perRound()).stream().filter(r -> r.name().equals("C/B") || r.name().equals("C/A")).toList();
        if (ratios.size() == 2) {
            int rounds = ratios.get(0).cpu().length;
            double maxRatio = ratios.stream().mapToDouble(r -> max(r.cpu())).max().orElse(1);
            panel(g, 810, 60, 370, 360, "CPU per login ratio per round (C/B, C/A)", maxRatio, rounds, 2,
                    (i, s) -> ratios.get(s).cpu()[i], i -> Integer.toString(i + 1), new Color[] {new Color(0xd69e2e), new Color(0xc53030)});
        }
        if (two != null) {
            List<LoginLoad.Result> twoLogins = two.logins();
            Value cpu = (i, s) -> {
                LoginLoad.Result r = s == 0 ? byName(two.single(), twoLogins.get(i).flow()) : twoLogins.get(i);
                return r == null ? 0 : 1000 * r.keycloakCpuPerLogin();
            };
            Value rate = (i, s) -> {
                LoginLoad.Result r = s == 0 ? byName(two.single(), twoLogins.get(i).flow()) : twoLogins.get(i);
                return r == null ? 0 : r.loginsPerSecond();
            };
            double maxTwoCpu = 0;
            double maxTwoRate = 0;
            for (int i = 0; i < twoLogins.size(); i++) {
                maxTwoCpu = Math.max(maxTwoCpu, Math.max(cpu.of(i, 0), cpu.of(i, 1)));
                maxTwoRate = Math.max(maxTwoRate, Math.max(rate.of(i, 0), rate.of(i, 1)));
            }
            Color[] oneTwo = {new Color(0x805ad5), new Color(0x38a169)};
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(String.format("Two nodes behind HAProxy (green) against one node (purple), alternating windows; %d cores cannot show scale-out",
                    Machine.cores()), 20, 480);
            panel(g, 30, 510, 560, 380, "Keycloak CPU ms per login (two nodes: both JVMs)", maxTwoCpu, twoLogins.size(), 2, cpu,
                    i -> twoLogins.get(i).flow(), oneTwo);
            panel(g, 620, 510, 560, 380, "Logins per second (the whole shared machine)", maxTwoRate, twoLogins.size(), 2, rate,
                    i -> twoLogins.get(i).flow(), oneTwo);
        }
        g.dispose();
        return image;
    }

    private interface Value {
        double of(int group, int series);
    }

    private interface Label {
        String of(int group);
    }

    private static void panel(Graphics2D g, int x, int y, int w, int h, String title, double max, int groups, int series,
                              Value value, Label label, Color[] colors) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(title, x, y);
        int top = y + 20;
        int bottom = y + h - 30;
        double scale = max <= 0 ? 1 : (bottom - top) / (max * 1.15);
        g.setStroke(new BasicStroke(1));
        g.drawLine(x + 40, bottom, x + w, bottom);
        g.drawLine(x + 40, top, x + 40, bottom);
        int groupWidth = (w - 60) / Math.max(1, groups);
        int bar = Math.max(8, (groupWidth - 30) / series);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < groups; i++) {
            int gx = x + 60 + i * groupWidth;
            for (int s = 0; s < series; s++) {
                double v = value.of(i, s);
                int bh = (int) Math.round(v * scale);
                g.setColor(colors[s % colors.length]);
                g.fillRect(gx + s * bar, bottom - bh, bar - 4, bh);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v), gx + s * bar, bottom - bh - 4);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(label.of(i), gx + (series * bar) / 2 - 4, bottom + 18);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
    }
}
