package jp.kenpo.keycloak.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jp.kenpo.keycloak.testsupport.Browser;

/**
 * Closed-loop load: {@code users} virtual members each log in again as soon as their last login
 * ended, each time with a fresh browser (no SSO cookie), for a warm-up and then a measured window.
 */
final class LoginLoad {

    /** One complete login: its name, the steps it times, and how one virtual member logs in. */
    record Flow(String name, String description, List<String> steps, Login login) {
    }

    /** The Keycloak JVMs that serve the load: one node, or both nodes of {@code --two-nodes}. */
    interface Server {
        /** The Keycloak JVMs that serve the load. */
        List<Long> javaPids();

        /** User plus system CPU seconds used so far by every Keycloak JVM that serves the load, added up. */
        default double cpuSeconds() {
            return javaPids().stream().mapToDouble(Machine::cpuSeconds).sum();
        }
    }

    /** Logs one virtual member in; {@code step} times each request the flow makes. */
    interface Login {
        void run(int virtualMember, Browser browser, Steps step) throws Exception;
    }

    /** Times the steps of one login. */
    interface Steps {
        <T> T time(String step, Timed<T> action) throws Exception;
    }

    interface Timed<T> {
        T run() throws Exception;
    }

    /** What one flow did in its measured window. */
    record Result(String flow, String description, int users, double seconds, long logins, long errors,
                  double keycloakCpuSeconds, double databaseCpuSeconds, double driverCpuSeconds, double machineBusy,
                  ThreadCpu.Split keycloakThreads, Map<String, Latencies> steps, Latencies requests, Latencies total,
                  Profiler.Profile profile, NativeProfiler.Profile nativeProfile, List<Profiler.StepEvent> emailKeyEvents) {
        /** Two measured windows of the same flow as one. */
        Result plus(Result o) {
            Map<String, Latencies> mergedSteps = new LinkedHashMap<>();
            steps.forEach((name, l) -> {
                Latencies m = new Latencies();
                m.addAll(l);
                m.addAll(o.steps.get(name));
                mergedSteps.put(name, m);
            });
            Latencies r = new Latencies();
            r.addAll(requests);
            r.addAll(o.requests);
            Latencies t = new Latencies();
            t.addAll(total);
            t.addAll(o.total);
            List<Profiler.StepEvent> events = new ArrayList<>(emailKeyEvents);
            events.addAll(o.emailKeyEvents);
            return new Result(flow, description, users, seconds + o.seconds, logins + o.logins, errors + o.errors,
                    keycloakCpuSeconds + o.keycloakCpuSeconds, databaseCpuSeconds + o.databaseCpuSeconds,
                    driverCpuSeconds + o.driverCpuSeconds,
                    (machineBusy * seconds + o.machineBusy * o.seconds) / (seconds + o.seconds),
                    keycloakThreads.plus(o.keycloakThreads), mergedSteps, r, t,
                    profile.plus(o.profile), nativeProfile.plus(o.nativeProfile), events);
        }

        double loginsPerSecond() {
            return logins / seconds;
        }

        double keycloakCpuPerLogin() {
            return keycloakCpuSeconds / logins;
        }

        /** JFR samples with Argon2 on the stack per login: compare flows by this, not by shares (see Profiler.Profile). */
        double argon2SamplesPerLogin() {
            return (double) profile.samplesOf(Profiler.ARGON2) / Math.max(1, logins);
        }

        /** Keycloak's CPU per login by kind of thread. */
        ThreadCpu.Split keycloakThreadsPerLogin() {
            return keycloakThreads.per(logins);
        }

        double driverCpuPerLogin() {
            return driverCpuSeconds / logins;
        }

        double databaseCpuPerLogin() {
            return databaseCpuSeconds / logins;
        }
    }

    private LoginLoad() {
    }

    /** Runs one flow; {@code profiler} is null for warm-up windows, whose numbers are thrown away. */
    static Result run(Flow flow, int users, Duration warmup, Duration measure, Server keycloak, Postgres db,
                      Profiler profiler, Path errorLog) throws InterruptedException {
        Map<String, Latencies> steps = new LinkedHashMap<>();
        flow.steps().forEach(s -> steps.put(s, new Latencies()));
        Latencies total = new Latencies();
        Latencies requests = new Latencies();
        AtomicLong logins = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        var http = Browser.client();
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long windowEnd = windowStart + measure.toNanos();
        double[] cpuAtStart = new double[2];
        ExecutorService pool = Executors.newFixedThreadPool(users);
        for (int u = 0; u < users; u++) {
            int member = u;
            pool.submit(() -> {
                Browser browser = PortalClient.browser(http);
                while (System.nanoTime() < windowEnd) {
                    browser.forgetCookies();
                    long began = System.nanoTime();
                    boolean counted = began >= windowStart;
                    Map<String, Long> times = new LinkedHashMap<>();
                    try {
                        flow.login().run(member, browser, new Steps() {
                            @Override
                            public <T> T time(String step, Timed<T> action) throws Exception {
                                long t0 = System.nanoTime();
                                T result = action.run();
                                times.put(step, System.nanoTime() - t0);
                                return result;
                            }
                        });
                        long ended = System.nanoTime();
                        if (counted && ended <= windowEnd) {
                            logins.incrementAndGet();
                            total.add(ended - began);
                            requests.add(times.values().stream().mapToLong(Long::longValue).sum());
                            times.forEach((s, t) -> steps.get(s).add(t));
                        }
                    } catch (Exception | AssertionError e) {
                        if (counted) {
                            errors.incrementAndGet();
                        }
                        logError(errorLog, flow.name(), e);
                        sleep(200);
                    }
                }
            });
        }
        sleepUntil(windowStart);
        // CPU is read at the window's start, before the recording starts: jcmd takes a second or more per JVM (two with
        // --two-nodes; far more on a loaded machine), and the CPU must cover the same window as the logins counted.
        // Keycloak's by thread; its total is the JVMs' own CPU, the primary figure.
        ThreadCpu.Reading keycloakAtStart = ThreadCpu.read(keycloak.javaPids());
        cpuAtStart[0] = db.cpuSeconds();
        cpuAtStart[1] = Machine.cpuSeconds(ProcessHandle.current().pid());
        long[] busyAtStart = Machine.busyAndTotalTicks();
        if (profiler != null) {
            profiler.start();
        }
        sleepUntil(windowEnd);
        ThreadCpu.Reading keycloakAtEnd = ThreadCpu.read(keycloak.javaPids());
        double keycloakCpu = keycloakAtEnd.total() - keycloakAtStart.total();
        ThreadCpu.Split threads = ThreadCpu.between(keycloakAtStart, keycloakAtEnd);
        double dbCpu = db.cpuSeconds() - cpuAtStart[0];
        double driverCpu = Machine.cpuSeconds(ProcessHandle.current().pid()) - cpuAtStart[1];
        long[] busyAtEnd = Machine.busyAndTotalTicks();
        Profiler.Profile profile = profiler == null ? Profiler.Profile.EMPTY : profiler.stopProfile("jp.kenpo.keycloak.");
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double busy = (double) (busyAtEnd[0] - busyAtStart[0]) / Math.max(1, busyAtEnd[1] - busyAtStart[1]);
        return new Result(flow.name(), flow.description(), users, measure.toNanos() / 1e9, logins.get(), errors.get(),
                keycloakCpu, dbCpu, driverCpu, busy, threads, steps, requests, total, profile,
                profiler == null ? NativeProfiler.Profile.EMPTY : profiler.nativeProfile(),
                profiler == null ? List.of() : profiler.stepEvents(Profiler.EMAIL_KEY_EVENT));
    }

    private static synchronized void logError(Path log, String flow, Throwable e) {
        try {
            // The causes too: the browser's "POST … failed" alone does not say whether the connection broke or was refused.
            StringBuilder line = new StringBuilder(flow).append(": ").append(e);
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                line.append(" <- ").append(cause);
            }
            Files.writeString(log, line.append('\n'), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException ignored) {
            // the count in the results still shows it
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 500_000_000L));
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
