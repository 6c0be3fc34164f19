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
               List<MemberScale.Lookups> lookups) {
    }

    /** One flow's measured window in one round. */
    record Round(int round, String flow, double loginsPerSecond, double keycloakCpuPerLogin) {
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
                        + "PostgreSQL %s, local caches) with the pack; load driver on the same machine.%n%n",
                run.started(), Machine.cores(), Machine.cpuModel(), Machine.memory(), run.keycloakVersion(), run.postgresVersion()));
        if (!run.logins().isEmpty()) {
            md.append(String.format("## Logins (%d virtual members per flow; %d s warm-up per flow, then %d rounds of %d s per flow in alternating order, summed)%n%n",
                    run.vus(), run.warmupSeconds(), run.rounds(), run.measureSeconds()));
            md.append("| Flow | What | Logins/s | Errors | KC CPU s/login | DB CPU s/login | Driver CPU s/login | Machine busy | Step | p50 ms | p95 ms | p99 ms |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
            for (LoginLoad.Result r : run.logins()) {
                boolean first = true;
                for (Map.Entry<String, Latencies> step : withAll(r)) {
                    Latencies l = step.getValue();
                    md.append(first
                            ? String.format(Locale.ROOT, "| **%s** | %s | **%.1f** | %d | %.3f | %.3f | %.3f | %.0f %% ", r.flow(), r.description(),
                                    r.loginsPerSecond(), r.errors(), r.keycloakCpuPerLogin(), r.databaseCpuPerLogin(), r.driverCpuPerLogin(),
                                    100 * r.machineBusy())
                            : "| | | | | | | | ");
                    md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", step.getKey(),
                            l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99)));
                    first = false;
                }
            }
            LoginLoad.Result a = flow(run, "A");
            LoginLoad.Result b = flow(run, "B");
            LoginLoad.Result c = flow(run, "C");
            if (a != null && b != null && c != null) {
                md.append(String.format(Locale.ROOT, "%n**C/B = %.2f** (target ≥ 0.95), **C/A = %.2f** in logins per second; "
                                + "Keycloak CPU per login C/B = %.2f, C/A = %.2f.%n",
                        c.loginsPerSecond() / b.loginsPerSecond(), c.loginsPerSecond() / a.loginsPerSecond(),
                        c.keycloakCpuPerLogin() / b.keycloakCpuPerLogin(), c.keycloakCpuPerLogin() / a.keycloakCpuPerLogin()));
            }
            LoginLoad.Result c0 = flow(run, "C0");
            if (a != null && c0 != null) {
                md.append(String.format(Locale.ROOT, "C0/A = %.2f in logins per second, Keycloak CPU per login C0/A = %.2f "
                                + "(the pack's flow and realm without the mail against Keycloak's password-only flow).%n",
                        c0.loginsPerSecond() / a.loginsPerSecond(), c0.keycloakCpuPerLogin() / a.keycloakCpuPerLogin()));
            }
            if (!run.perRound().isEmpty()) {
                md.append("\nPer round (logins/s, Keycloak CPU ms per login), in the order measured:\n\n| Round | Flow | Logins/s | KC CPU ms/login |\n|---:|---|---:|---:|\n");
                run.perRound().forEach(r -> md.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f |%n",
                        r.round(), r.flow(), r.loginsPerSecond(), 1000 * r.keycloakCpuPerLogin())));
            }
            if (c != null && !c.emailKeyEvents().isEmpty()) {
                Latencies challenge = new Latencies();
                Latencies answer = new Latencies();
                c.emailKeyEvents().forEach(e -> ("challenge".equals(e.phase()) ? challenge : answer).add(e.nanos()));
                md.append(String.format(Locale.ROOT, "%nInside Keycloak during C's window (the pack's JFR event): the email-key challenge call "
                                + "(key, mail with its SMTP conversation, page) p50 %.1f ms, p95 %.1f ms; the answer call p50 %.2f ms, p95 %.2f ms.%n",
                        challenge.percentileMillis(50), challenge.percentileMillis(95), answer.percentileMillis(50), answer.percentileMillis(95)));
            }
            if (c != null && !c.profile().isEmpty()) {
                md.append("\nWhere flow C's server time went in the pack's code (JFR samples of the Keycloak JVM during C's window):\n\n");
                c.profile().forEach(l -> md.append("    ").append(l).append('\n'));
            }
            if (run.mailWait() != null && run.mailWait().count() > 0) {
                md.append(String.format(Locale.ROOT, "%nIn C, the member's wait for the mail (password answer to key in the sink, not a server step) "
                        + "was p50 %.1f ms, p95 %.1f ms. B used a pool of %d members with authenticator apps, since Keycloak refuses a code twice "
                        + "(at most %.0f logins/s: each member once per 30-second period).%n",
                        run.mailWait().percentileMillis(50), run.mailWait().percentileMillis(95), run.otpPool(), run.otpPool() / 30.0));
            }
        }
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
            md.append(String.format(Locale.ROOT, "%n## Member import%n%n| Rows | Insured (one temporary password each) | Seconds | **Members/s** (target ≥ 1,000) | KC CPU s | DB CPU s |%n"
                    + "|---:|---:|---:|---:|---:|---:|%n| %,d | %,d | %.1f | **%.0f** | %.1f | %.1f |%n",
                    im.rows(), im.insured(), im.seconds(), im.membersPerSecond(), im.keycloakCpu(), im.databaseCpu()));
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
        run.perRound().forEach(r -> csv.append(String.format(Locale.ROOT, "login-round-%d,%s,,,,,,%.3f,%.5f,%n",
                r.round(), r.flow(), r.loginsPerSecond(), r.keycloakCpuPerLogin())));
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

    private static List<Map.Entry<String, Latencies>> withAll(LoginLoad.Result r) {
        List<Map.Entry<String, Latencies>> rows = new ArrayList<>(r.steps().entrySet());
        rows.add(Map.entry("all requests of a login", r.requests()));
        return rows;
    }

    private static LoginLoad.Result flow(Run run, String name) {
        return run.logins().stream().filter(r -> r.flow().equals(name)).findFirst().orElse(null);
    }

    /** Left: logins per second per flow. Right: p50/p95/p99 of all requests of a login, per flow. */
    static BufferedImage chart(Run run) {
        int w = 1000;
        int h = 480;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(String.format("Keycloak %s, %d cores, %s: A = password, B = password + OTP, C0 = pack without key, C = pack (password + email key)",
                run.keycloakVersion(), Machine.cores(), Machine.memory()), 20, 28);
        List<LoginLoad.Result> logins = run.logins();
        double maxRate = logins.stream().mapToDouble(LoginLoad.Result::loginsPerSecond).max().orElse(1);
        panel(g, 40, 60, 400, 360, "Logins per second at saturation", maxRate, logins.size(), 1, (i, s) -> logins.get(i).loginsPerSecond(),
                i -> logins.get(i).flow(), new Color[] {new Color(0x2b6cb0)});
        double maxLatency = logins.stream().mapToDouble(r -> r.requests().percentileMillis(99)).max().orElse(1);
        panel(g, 540, 60, 420, 360, "Latency of a login's requests, ms (p50 / p95 / p99)", maxLatency, logins.size(), 3,
                (i, s) -> logins.get(i).requests().percentileMillis(s == 0 ? 50 : s == 1 ? 95 : 99), i -> logins.get(i).flow(),
                new Color[] {new Color(0x38a169), new Color(0xd69e2e), new Color(0xc53030)});
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
