package jp.kenpo.keycloak.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder profile of the Keycloak JVM, or of both JVMs of {@code --two-nodes} added up (started and
 * stopped with jcmd), reduced to where the import's own threads spent their samples.
 */
final class Profiler {

    /** Checked from the innermost frame outwards; the first match names the sample's category. */
    private static final Map<String, String> CATEGORIES = new LinkedHashMap<>();
    static final String ARGON2 = "password hashing (Argon2)";
    static final String INFINISPAN = "Infinispan caches";
    static final String JGROUPS = "cluster messaging (JGroups)";

    static {
        CATEGORIES.put("Argon2", ARGON2);
        CATEGORIES.put("Pbkdf2", "password hashing (PBKDF2)");
        CATEGORIES.put("org.postgresql.", "PostgreSQL JDBC driver (waiting on the database)");
        CATEGORIES.put("org.hibernate.", "Hibernate (JPA)");
        CATEGORIES.put("org.keycloak.models.jpa.", "Keycloak JPA user store");
        CATEGORIES.put("org.keycloak.models.cache.", "Keycloak caches");
        CATEGORIES.put("freemarker.", "FreeMarker templates");
        CATEGORIES.put("jakarta.mail.", "sending mail (Jakarta Mail)");
        CATEGORIES.put("org.eclipse.angus.mail.", "sending mail (Jakarta Mail)");
        CATEGORIES.put("org.keycloak.events.", "Keycloak events");
        CATEGORIES.put("org.keycloak.userprofile.", "user profile (validation, e.g. VERIFY_PROFILE at login)");
        CATEGORIES.put("org.keycloak.theme.", "themes and message bundles");
        CATEGORIES.put("org.keycloak.email.", "Keycloak's mail (template and sender)");
        CATEGORIES.put("sun.security.", "signatures and TLS primitives (JDK security)");
        CATEGORIES.put("java.math.BigInteger", "signatures and TLS primitives (JDK security)");
        CATEGORIES.put("com.fasterxml.jackson.", "JSON (Jackson)");
        CATEGORIES.put("org.infinispan.", INFINISPAN);
        CATEGORIES.put("org.jgroups.", JGROUPS);
        CATEGORIES.put("io.netty.", "HTTP server (Vert.x, Netty)");
        CATEGORIES.put("io.vertx.", "HTTP server (Vert.x, Netty)");
        CATEGORIES.put("jp.kenpo.keycloak.", "the pack's own code");
    }

    /** The pack's JFR event around each call of the email-key step (see EmailKeyStepEvent). */
    static final String EMAIL_KEY_EVENT = "jp.kenpo.keycloak.EmailKeyStep";
    /** The pack's JFR event around each dependent lookup (see MemberLookupEvent). */
    static final String LOOKUP_EVENT = "jp.kenpo.keycloak.MemberLookup";

    /** One of the pack's timing events: its phase (email key: "challenge" or "answer"), start and duration. */
    record StepEvent(String phase, java.time.Instant start, long nanos) {
    }

    private final Map<String, List<StepEvent>> stepEvents = new java.util.HashMap<>();
    private final List<Long> pids;
    private final List<Path> files;
    private final Path log;
    private NativeProfiler nativeProfiler;
    private NativeProfiler.Profile lastNative = NativeProfiler.Profile.EMPTY;

    Profiler(long pid, Path file, Path log) {
        this(List.of(pid), List.of(file), log);
    }

    /** One recording per JVM ({@code files} in the order of {@code pids}), read as one profile: both nodes of {@code --two-nodes}. */
    Profiler(List<Long> pids, List<Path> files, Path log) {
        if (pids.size() != files.size()) {
            throw new IllegalArgumentException("one recording file per JVM");
        }
        this.pids = List.copyOf(pids);
        this.files = List.copyOf(files);
        this.log = log;
    }

    /** Also records the window with perf ({@code --perf}); null leaves it out. */
    Profiler withNative(NativeProfiler nativeProfiler) {
        this.nativeProfiler = nativeProfiler;
        return this;
    }

    void start() {
        // perf first: it starts at once, while each jcmd takes a second or more.
        if (nativeProfiler != null) {
            nativeProfiler.start();
        }
        for (int i = 0; i < pids.size(); i++) {
            Processes.run(log, Map.of(), "jcmd", Long.toString(pids.get(i)), "JFR.start", "name=kenpo-bench", "settings=profile",
                    "filename=" + files.get(i));
        }
    }

    /**
     * The samples of one recording (or of several added up): by category and by hottest method, for all
     * samples of the Keycloak JVM and for those whose stack has a frame of a given prefix. JFR samples Java
     * threads that are runnable, whether on a core or waiting for one, so on a saturated machine the shares
     * follow runnable time rather than CPU time: compare flows by samples per login, not by shares of CPU.
     */
    record Profile(int all, Map<String, Integer> categories, Map<String, Integer> hotMethods, int matching,
                   Map<String, Integer> matchingCategories, Map<String, Integer> matchingHotMethods) {

        static final Profile EMPTY = new Profile(0, Map.of(), Map.of(), 0, Map.of(), Map.of());

        Profile plus(Profile o) {
            return new Profile(all + o.all, merged(categories, o.categories), merged(hotMethods, o.hotMethods),
                    matching + o.matching, merged(matchingCategories, o.matchingCategories),
                    merged(matchingHotMethods, o.matchingHotMethods));
        }

        int samplesOf(String category) {
            return categories.getOrDefault(category, 0);
        }

        /**
         * Samples of everything else per Argon2 sample (NaN without Argon2 samples). Every login of the benchmark's
         * flows hashes its password once, so this is a flow's cost beside its hash, and it does not move when the host
         * slows down or speeds up (the hash and the rest alike).
         */
        double otherSamplesPerHash() {
            int hash = samplesOf(ARGON2);
            return hash == 0 ? Double.NaN : (double) (all - hash) / hash;
        }

        /** Lines "share category" over all samples, then the hottest methods. */
        List<String> allLines(int topMethods) {
            return lines(categories, hotMethods, all, topMethods,
                    String.format("%d CPU samples of the Keycloak JVM", all));
        }

        /** Lines "share category" over the samples with a frame of the prefix. */
        List<String> matchingLines(String what) {
            return lines(matchingCategories, matchingHotMethods, matching, 5, String.format(
                    "%d samples of %s: %.1f %% of all %d CPU samples of the Keycloak JVM",
                    matching, what, 100.0 * matching / Math.max(1, all), all));
        }

        private static List<String> lines(Map<String, Integer> counts, Map<String, Integer> hot, int total, int top, String last) {
            int n = Math.max(1, total);
            List<String> lines = new ArrayList<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> lines.add(String.format("%5.1f %% %s", 100.0 * e.getValue() / n, e.getKey())));
            lines.add("hottest methods: " + hot.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                    .map(e -> String.format("%s (%.1f %%)", e.getKey(), 100.0 * e.getValue() / n))
                    .collect(Collectors.joining(", ")));
            lines.add(last);
            return lines;
        }

        private static Map<String, Integer> merged(Map<String, Integer> a, Map<String, Integer> b) {
            Map<String, Integer> m = new TreeMap<>(a);
            b.forEach((k, v) -> m.merge(k, v, Integer::sum));
            return m;
        }
    }

    /** Stops recording; returns lines "share category" for the samples inside the pack's import. */
    List<String> stop() {
        return stop("jp.kenpo.keycloak.memberimport.", "the import's threads");
    }

    /**
     * Stops recording; returns lines "share category" for the samples whose stack has a frame of
     * {@code prefix}, and what share of all samples those were.
     */
    List<String> stop(String prefix, String what) {
        return stopProfile(prefix).matchingLines(what);
    }

    /** Stops recording; returns every sample's category and hottest method, and those with a frame of {@code prefix}. */
    Profile stopProfile(String prefix) {
        lastNative = nativeProfiler == null ? NativeProfiler.Profile.EMPTY : nativeProfiler.stop();
        for (long pid : pids) {
            Processes.run(log, Map.of(), "jcmd", Long.toString(pid), "JFR.stop", "name=kenpo-bench");
        }
        return read(prefix);
    }

    /**
     * Prints the profile of recordings kept from a run (benchmarks/target/bench-work/*.jfr), e.g. the last round
     * of each flow: {@code java -cp … jp.kenpo.keycloak.bench.Profiler login-A.jfr login-C.jfr}.
     */
    public static void main(String[] files) {
        for (String f : files) {
            Profile p = new Profiler(0, Path.of(f), null).read("jp.kenpo.keycloak.");
            System.out.println(f + ":");
            p.allLines(12).forEach(l -> System.out.println("    " + l));
        }
    }

    private Profile read(String prefix) {
        stepEvents.clear();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> hotMethods = new TreeMap<>();
        Map<String, Integer> allCounts = new TreeMap<>();
        Map<String, Integer> allHot = new TreeMap<>();
        int total = 0;
        int everything = 0;
        for (Path file : files) {
            try (RecordingFile recording = new RecordingFile(file)) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent event = recording.readEvent();
                    String type = event.getEventType().getName();
                    if (type.equals(EMAIL_KEY_EVENT) || type.equals(LOOKUP_EVENT)) {
                        stepEvents.computeIfAbsent(type, t -> new ArrayList<>()).add(new StepEvent(
                                event.hasField("phase") ? event.getString("phase") : "", event.getStartTime(), event.getDuration().toNanos()));
                        continue;
                    }
                    if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                        continue;
                    }
                    List<RecordedFrame> frames = event.getStackTrace().getFrames();
                    if (frames.isEmpty()) {
                        continue;
                    }
                    everything++;
                    String category = category(frames);
                    String top = name(frames.get(0));
                    allCounts.merge(category, 1, Integer::sum);
                    allHot.merge(top, 1, Integer::sum);
                    if (frames.stream().noneMatch(f -> name(f).startsWith(prefix))) {
                        continue;
                    }
                    total++;
                    counts.merge(category, 1, Integer::sum);
                    hotMethods.merge(top, 1, Integer::sum);
                }
            } catch (IOException e) {
                return Profile.EMPTY;
            }
        }
        return new Profile(everything, allCounts, allHot, total, counts, hotMethods);
    }

    /** perf's profile of the last window ({@link NativeProfiler.Profile#EMPTY} without {@code --perf}). */
    NativeProfiler.Profile nativeProfile() {
        return lastNative;
    }

    /** The pack's timing events of one kind in the last recording, in the order they started. */
    List<StepEvent> stepEvents(String type) {
        List<StepEvent> sorted = new ArrayList<>(stepEvents.getOrDefault(type, List.of()));
        sorted.sort(java.util.Comparator.comparing(StepEvent::start));
        return sorted;
    }

    private static String category(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            for (Map.Entry<String, String> c : CATEGORIES.entrySet()) {
                if (name.contains(c.getKey())) {
                    return c.getValue();
                }
            }
        }
        return "other";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
