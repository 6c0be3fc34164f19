package jp.kenpo.keycloak.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code --perf}: Linux perf's on-CPU samples of the Keycloak JVM in a window, with Java, JVM, libc and kernel frames
 * (Keycloak runs with {@code -XX:+PreserveFramePointer}, and {@code jcmd Compiler.perfmap} names the compiled Java
 * code). Unlike JFR, which samples Java frames of runnable threads only, perf samples CPU time wherever it is spent,
 * socket calls, scheduling and the JVM's own code included: the samples per login are CPU milliseconds per login
 * (at {@link #FREQUENCY} Hz), split by what the request threads were doing.
 */
final class NativeProfiler {

    /** Samples per second of CPU time; a prime, so the sampling does not beat with periodic work. */
    static final int FREQUENCY = 499;

    /** Checked in this order over the whole stack; the first match names the sample's category. */
    private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();
    static final String KERNEL_SHARE = "of which in the kernel";
    /** The last category, which every sample with a frame falls into if no other took it. */
    private static final String REST = "Keycloak, HTTP and the rest";

    static {
        CATEGORIES.put("password hash (Argon2)", List.of("Argon2"));
        CATEGORIES.put("mail: new Jakarta Mail session (providers looked up on the class path)", List.of("jakarta.mail.Session.<init>"));
        CATEGORIES.put("mail: SMTP conversation", List.of("org.eclipse.angus.mail.smtp.", "jakarta.mail.Service.connect", "jakarta.mail.Transport"));
        CATEGORIES.put("mail: building the message", List.of("org.keycloak.email.", "jakarta.mail.", "org.eclipse.angus."));
        CATEGORIES.put("FreeMarker templates", List.of("freemarker."));
        CATEGORIES.put("database, transactions and events", List.of("org.postgresql.", "org.hibernate.", "io.agroal.", "com.arjuna.", "org.keycloak.events."));
        CATEGORIES.put("the pack's own code", List.of("jp.kenpo.keycloak."));
        CATEGORIES.put(REST, List.of(""));
    }

    /**
     * CPU samples of one window or several: all of the JVM's, and the request threads' by category (the split by kind of
     * thread comes from {@link ThreadCpu}).
     */
    record Profile(long samples, Map<String, Long> requestCategories) {

        static final Profile EMPTY = new Profile(0, Map.of());

        Profile plus(Profile o) {
            return new Profile(samples + o.samples, merged(requestCategories, o.requestCategories));
        }

        /** CPU milliseconds per login of one category of the request threads' samples. */
        double millisPerLogin(String category, long logins) {
            return 1000.0 * requestCategories.getOrDefault(category, 0L) / FREQUENCY / Math.max(1, logins);
        }

        /**
         * The categories in their fixed order. Each also has a count of the samples whose innermost frame was in the
         * kernel, under the category's name + " | " + {@link #KERNEL_SHARE}.
         */
        static List<String> categories() {
            return new ArrayList<>(CATEGORIES.keySet());
        }

        private static Map<String, Long> merged(Map<String, Long> a, Map<String, Long> b) {
            Map<String, Long> m = new TreeMap<>(a);
            b.forEach((k, v) -> m.merge(k, v, Long::sum));
            return m;
        }
    }

    private final List<Long> pids;
    private final Path data;
    private final Path log;
    private Process perf;

    NativeProfiler(List<Long> pids, Path data, Path log) {
        this.pids = List.copyOf(pids);
        this.data = data;
        this.log = log;
    }

    /** Whether perf can record here (installed, and the kernel lets this user sample other processes). */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("perf", "--version").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void start() {
        try {
            Files.deleteIfExists(data);
            perf = new ProcessBuilder("perf", "record", "-q", "-F", Integer.toString(FREQUENCY), "-g", "-o", data.toString(),
                    "-p", pids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("perf record could not start", e);
        }
    }

    /** Stops recording (perf writes its file on SIGTERM), names the compiled Java code and reads the samples. */
    Profile stop() {
        if (perf == null) {
            return Profile.EMPTY;
        }
        try {
            perf.destroy();
            if (!perf.waitFor(2, TimeUnit.MINUTES)) {
                perf.destroyForcibly();
                return Profile.EMPTY;
            }
            // The map of compiled code as it is now; code compiled and dropped within the window may be misnamed, which
            // the warm-up makes rare.
            for (long pid : pids) {
                Processes.run(log, Map.of(), "jcmd", Long.toString(pid), "Compiler.perfmap");
            }
            return read();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Profile.EMPTY;
        } finally {
            perf = null;
        }
    }

    private Profile read() {
        Map<String, Long> categories = new TreeMap<>();
        long samples = 0;
        try {
            Process script = new ProcessBuilder("perf", "script", "-i", data.toString(), "-F", "comm,tid,ip,sym,dso")
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
                String thread = null;
                List<String> frames = new ArrayList<>();
                for (String line = in.readLine(); ; line = in.readLine()) {
                    if (line == null || line.isBlank()) {
                        if (thread != null) {
                            samples++;
                            if (ThreadCpu.kindOf(thread) == ThreadCpu.Kind.REQUEST) {
                                String category = category(frames);
                                categories.merge(category, 1L, Long::sum);
                                if (!frames.isEmpty() && frames.get(0).contains("[kernel.kallsyms]")) {
                                    categories.merge(category + " | " + KERNEL_SHARE, 1L, Long::sum);
                                }
                            }
                        }
                        if (line == null) {
                            break;
                        }
                        thread = null;
                        frames.clear();
                    } else if (Character.isWhitespace(line.charAt(0))) {
                        frames.add(line.strip());
                    } else {
                        // "comm tid": the thread's name may hold spaces, its id is the last field.
                        thread = line.strip().replaceFirst("\\s+\\d+$", "");
                    }
                }
            }
            // The file stays (each flow's last window, like the JFR recordings) and reads again with `perf report -i`
            // as long as /tmp/perf-<pid>.map, which jcmd wrote, is there.
            script.waitFor(10, TimeUnit.MINUTES);
        } catch (IOException e) {
            return Profile.EMPTY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Profile.EMPTY;
        }
        return new Profile(samples, categories);
    }

    static String category(List<String> frames) {
        for (Map.Entry<String, List<String>> c : CATEGORIES.entrySet()) {
            for (String frame : frames) {
                for (String key : c.getValue()) {
                    if (frame.contains(key)) {
                        return c.getKey();
                    }
                }
            }
        }
        return REST;
    }
}
