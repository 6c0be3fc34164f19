package jp.kenpo.keycloak.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.type.TypeReference;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;

/**
 * Union scale: a membership file as union systems export it (households of one to four, half of the
 * rows insured members), imported through the pack's endpoint; more members cloned in SQL; and
 * dependent lookups against them.
 */
final class MemberScale {

    private static final String[][] FAMILY = {{"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"}, {"田中", "タナカ"},
            {"伊藤", "イトウ"}, {"渡辺", "ワタナベ"}, {"山本", "ヤマモト"}, {"中村", "ナカムラ"}, {"小林", "コバヤシ"}, {"加藤", "カトウ"}};
    private static final String[][] GIVEN = {{"太郎", "タロウ"}, {"花子", "ハナコ"}, {"一郎", "イチロウ"}, {"美咲", "ミサキ"},
            {"健", "ケン"}, {"陽子", "ヨウコ"}, {"誠", "マコト"}, {"直美", "ナオミ"}};
    /** Household sizes in a repeating pattern: 20 rows per 10 households, so half the rows are insured. */
    private static final int[] SIZES = {1, 1, 1, 1, 1, 2, 2, 3, 4, 4};
    private static final String[] RELATION = {"本人", "配偶者", "子", "子"};
    /** Clones get 番号 shifted by this much per copy. */
    static final long CLONE_SHIFT = 10_000_000L;

    /** What a spouse would type to look herself up. */
    record Spouse(String symbol, long number, String familyKanji, String givenKanji, String familyKana, String givenKana,
                  LocalDate birth) {
        Spouse shifted(int copy) {
            return new Spouse(symbol, number + copy * CLONE_SHIFT, familyKanji, givenKanji, familyKana, givenKana, birth);
        }
    }

    record File(byte[] csv, int rows, int insured, List<Spouse> spouses) {
    }

    /**
     * One import: time, CPU of Keycloak and PostgreSQL, the JFR profile, and the Keycloak JVM's heap: the largest
     * heap in use right after any collection, and (when {@code --import-live-heap} forced full collections during
     * the import) the largest heap still live after a full collection, the import's own memory plus Keycloak's.
     */
    record ImportResult(int rows, int insured, double seconds, long created, double keycloakCpu, double databaseCpu,
                        List<String> profile, Heap heap) {
        double membersPerSecond() {
            return rows / seconds;
        }
    }

    /** Heap figures in MiB from the import's recording; {@code liveSamples} full collections were forced (0: none). */
    record Heap(double afterGcMaxMib, double liveMaxMib, double liveFirstMib, int liveSamples, int collections) {
        static final Heap NONE = new Heap(Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }

    private MemberScale() {
    }

    static File membershipFile(int rows) {
        StringBuilder csv = new StringBuilder("記号,番号,枝番,続柄,氏名（漢字）,氏名（カナ）,生年月日,従業員番号,資格喪失日\r\n");
        List<Spouse> spouses = new ArrayList<>();
        int written = 0;
        int insured = 0;
        for (int h = 0; written < rows; h++) {
            String symbol = Integer.toString(1000 + h % 50);
            long number = 1_000_000L + h;
            String[] family = FAMILY[h % FAMILY.length];
            int size = Math.min(SIZES[h % SIZES.length], rows - written);
            for (int m = 0; m < size; m++) {
                String[] given = GIVEN[(h + m) % GIVEN.length];
                LocalDate birth = switch (m) {
                    case 0 -> LocalDate.of(1962 + h % 40, 1 + h % 12, 1 + h % 28);
                    case 1 -> LocalDate.of(1965 + h % 20, 1 + (h + 5) % 12, 1 + (h + 7) % 28);
                    default -> LocalDate.of(2005 + (h + m) % 15, 1 + h % 12, 1 + m);
                };
                csv.append(String.join(",", symbol, Long.toString(number), String.format("%02d", m), RELATION[m],
                        family[0] + "　" + given[0], family[1] + " " + given[1], birth.toString().replace('-', '/'),
                        m == 0 ? "E" + h : "", "")).append("\r\n");
                if (m == 0) {
                    insured++;
                } else if (m == 1) {
                    spouses.add(new Spouse(symbol, number, family[0], given[0], family[1], given[1], birth));
                }
                written++;
            }
        }
        return new File(csv.toString().getBytes(StandardCharsets.UTF_8), written, insured, spouses);
    }

    static ImportResult importFile(Admin admin, File file, ProductionKeycloak keycloak, Postgres db, Profiler profiler,
                                   Path recording, int liveHeapEverySeconds, Path log) {
        AtomicReference<Map<String, Object>> summary = new AtomicReference<>();
        double kc0 = keycloak.cpuSeconds();
        double db0 = db.cpuSeconds();
        profiler.start();
        // Optionally a full collection every so many seconds: what is still in use after it is the live heap, which
        // the import's memory bound is about (G1's young collections alone leave garbage in the old generation of a
        // large heap, so their figure grows with time, not with need). Each is jcmd's GC.class_histogram (it collects
        // fully, then counts what is live), kept as import-histogram-<n>.txt beside the recording: what grows between
        // two of them is what the import holds.
        Thread liveHeap = null;
        List<Path> histograms = new java.util.concurrent.CopyOnWriteArrayList<>();
        if (liveHeapEverySeconds > 0) {
            liveHeap = new Thread(() -> {
                try {
                    while (true) {
                        histograms.add(histogram(keycloak, recording, histograms.size(), log));
                        Thread.sleep(liveHeapEverySeconds * 1000L);
                    }
                } catch (InterruptedException stop) {
                    // the import ended
                }
            }, "live-heap");
            liveHeap.setDaemon(true);
            liveHeap.start();
        }
        long t0 = System.nanoTime();
        admin.importMembers("kenpo", new ByteArrayInputStream(file.csv()), line -> {
            if (line.contains("\"summary\"")) {
                try {
                    summary.set(Admin.JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (liveHeap != null) {
            liveHeap.interrupt();
            try {
                liveHeap.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            histograms.add(histogram(keycloak, recording, histograms.size(), log));
            if (histograms.size() >= 3) {
                // From the second (the first may still hold the upload) to the last, after the import.
                growth(histograms.get(1), histograms.get(histograms.size() - 1), recording.resolveSibling("import-histogram-growth.txt"));
            }
        }
        List<String> profile = profiler.stop();
        Heap heap = heap(recording);
        if (summary.get() == null) {
            throw new IllegalStateException("The import sent no summary");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = summary.get().containsKey("summary")
                ? (Map<String, Object>) summary.get().get("summary") : summary.get();
        long created = ((Number) counts.getOrDefault("created", 0)).longValue();
        if (created != file.rows()) {
            throw new IllegalStateException("Import created " + created + " of " + file.rows() + " members: " + summary.get());
        }
        return new ImportResult(file.rows(), file.insured(), seconds, created, keycloak.cpuSeconds() - kc0,
                db.cpuSeconds() - db0, profile, heap);
    }

    /**
     * A full collection, then the classes of what is live, largest first (jcmd GC.class_histogram), into
     * import-histogram-{@code index}.txt beside the recording.
     */
    private static Path histogram(ProductionKeycloak keycloak, Path recording, int index, Path log) {
        Path file = recording.resolveSibling("import-histogram-" + index + ".txt");
        try {
            java.nio.file.Files.writeString(file, Processes.output(log, "jcmd", Long.toString(keycloak.javaPid()), "GC.class_histogram"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    /** The 30 classes whose live bytes grew most from one class histogram to another, written to {@code out}. */
    static void growth(Path from, Path to, Path out) {
        Map<String, long[]> before = histogramBytes(from);
        Map<String, long[]> after = histogramBytes(to);
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT,
                "Live heap growth from %s to %s (instances, bytes)%n", from.getFileName(), to.getFileName()));
        after.entrySet().stream()
                .map(e -> {
                    long[] was = before.getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
                })
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(30)
                .forEach(e -> text.append(String.format(java.util.Locale.ROOT, "%+,14d %+,16d  %s%n", e.getValue()[0], e.getValue()[1], e.getKey())));
        try {
            java.nio.file.Files.writeString(out, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Class name → {instances, bytes} from jcmd's histogram lines ({@code  1:  123  4567  java.lang.String (java.base)}). */
    private static Map<String, long[]> histogramBytes(Path file) {
        Map<String, long[]> bytes = new java.util.HashMap<>();
        try {
            for (String line : java.nio.file.Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    bytes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes;
    }

    /** The heap after each collection in a JFR recording (jdk.GCHeapSummary, "After GC"), forced ones apart. */
    static Heap heap(Path recording) {
        Map<Long, String> causes = new java.util.HashMap<>();
        Map<Long, Long> after = new java.util.TreeMap<>();
        try (RecordingFile events = new RecordingFile(recording)) {
            while (events.hasMoreEvents()) {
                RecordedEvent e = events.readEvent();
                switch (e.getEventType().getName()) {
                    case "jdk.GarbageCollection" -> causes.put(e.getLong("gcId"), e.getString("cause"));
                    case "jdk.GCHeapSummary" -> {
                        if ("After GC".equals(e.getString("when"))) {
                            after.put(e.getLong("gcId"), e.getLong("heapUsed"));
                        }
                    }
                    default -> { }
                }
            }
        } catch (java.io.IOException e) {
            return Heap.NONE;
        }
        double mib = 1024.0 * 1024.0;
        long max = 0;
        long liveMax = 0;
        long liveFirst = -1;
        int forced = 0;
        for (Map.Entry<Long, Long> gc : after.entrySet()) {
            max = Math.max(max, gc.getValue());
            if (java.util.Set.of("Diagnostic Command", "System.gc()", "Heap Inspection Initiated GC").contains(causes.get(gc.getKey()))) {
                forced++;
                liveMax = Math.max(liveMax, gc.getValue());
                if (liveFirst < 0) {
                    liveFirst = gc.getValue();
                }
            }
        }
        return new Heap(max / mib, forced == 0 ? Double.NaN : liveMax / mib, forced == 0 ? Double.NaN : liveFirst / mib, forced,
                after.size());
    }

    /**
     * Copies every imported member {@code copies} times in SQL with 番号 shifted by {@link #CLONE_SHIFT}:
     * the same rows and attributes the import writes, without a further hour of password hashing that
     * lookups do not depend on.
     */
    static void cloneMembers(Postgres db, int copies) {
        db.sqlInKeycloakDatabase(String.join("\n",
                "CREATE TEMP TABLE copies AS SELECT generate_series(1, " + copies + ") AS g;",
                "CREATE TEMP TABLE members AS SELECT u.* FROM user_entity u JOIN realm r ON r.id = u.realm_id AND r.name = 'kenpo'",
                "  WHERE EXISTS (SELECT 1 FROM user_attribute a WHERE a.user_id = u.id AND a.name = 'kenpoMemberKey');",
                "INSERT INTO user_entity (id, email, email_constraint, email_verified, enabled, federation_link, first_name,",
                "    last_name, realm_id, username, created_timestamp, service_account_client_link, not_before)",
                "  SELECT md5(m.id || '-' || c.g)::uuid::text, m.email, md5(m.id || '-' || c.g)::uuid::text, m.email_verified,",
                "    m.enabled, m.federation_link, m.first_name, m.last_name, m.realm_id, m.username || '-' || c.g,",
                "    m.created_timestamp, m.service_account_client_link, m.not_before",
                "  FROM members m CROSS JOIN copies c;",
                "INSERT INTO user_attribute (name, value, user_id, id, long_value_hash, long_value_hash_lower_case, long_value)",
                "  SELECT a.name,",
                "    CASE a.name WHEN 'kenpoInsuranceNumber' THEN (a.value::bigint + c.g * " + CLONE_SHIFT + ")::text",
                "      WHEN 'kenpoMemberKey' THEN split_part(a.value, '-', 1) || '-' || (split_part(a.value, '-', 2)::bigint + c.g * "
                        + CLONE_SHIFT + ")::text || '-' || split_part(a.value, '-', 3)",
                "      ELSE a.value END,",
                "    md5(a.user_id || '-' || c.g)::uuid::text, md5(a.id || '-' || c.g)::uuid::text,",
                "    a.long_value_hash, a.long_value_hash_lower_case, a.long_value",
                "  FROM user_attribute a JOIN members m ON m.id = a.user_id CROSS JOIN copies c;",
                "ANALYZE user_entity; ANALYZE user_attribute;"));
    }

    /**
     * Looks up spouses one at a time, as members do: login page, ID・パスワードの取得, then the data
     * form, whose answer (the lookup itself) is timed. One in four queries has a wrong birth date,
     * which must cost the same.
     */
    /** The data form's answer as the member sees it, and the lookup itself inside Keycloak (the pack's JFR event). */
    record Lookups(int members, Latencies answer, Latencies server, List<String> profile) {
    }

    static Lookups lookups(Oidc portal, List<Spouse> spouses, int members, int count, long seed, Profiler profiler) {
        Random random = new Random(seed);
        Browser browser = PortalClient.browser(Browser.client());
        Latencies latencies = new Latencies();
        for (int i = -20; i < count; i++) {
            if (i == 0) {
                profiler.start();
            }
            Spouse s = spouses.get(random.nextInt(spouses.size()));
            LocalDate birth = random.nextInt(4) == 0 ? s.birth().plusDays(1) : s.birth();
            browser.forgetCookies();
            Browser.Page login = browser.get(portal.authorization("ja").url());
            // ログイン's link 「配偶者・被扶養者（40歳以上）の方のID・パスワード取得はこちら」 opens the data form.
            Browser.Page form = browser.get(login.document().getElementById("kenpo-lookup-open").absUrl("href"));
            Map<String, String> fields = new java.util.HashMap<>();
            fields.put("employeeNumber", "");
            fields.put("symbol", s.symbol());
            fields.put("number", Long.toString(s.number()));
            fields.put("familyKanji", s.familyKanji());
            fields.put("givenKanji", s.givenKanji());
            fields.put("familyKana", s.familyKana());
            fields.put("givenKana", s.givenKana());
            fields.put("birthEra", "SEIREKI");
            fields.put("birthYear", Integer.toString(birth.getYear()));
            fields.put("birthMonth", Integer.toString(birth.getMonthValue()));
            fields.put("birthDay", Integer.toString(birth.getDayOfMonth()));
            fields.put("kenpoLookupNext", "");
            long t0 = System.nanoTime();
            Browser.Page next = browser.submit(form, "kenpo-lookup-form", fields);
            long nanos = System.nanoTime() - t0;
            if (next.document().getElementById("kenpo-lookup-email-form") == null) {
                throw new IllegalStateException("The lookup did not answer with the email step (throttled?)");
            }
            if (i >= 0) {
                latencies.add(nanos);
            }
        }
        List<String> profile = profiler.stop("jp.kenpo.keycloak.lookup.", "the lookup requests");
        Latencies server = new Latencies();
        profiler.stepEvents(Profiler.LOOKUP_EVENT).forEach(e -> server.add(e.nanos()));
        if (server.count() != count) {
            throw new IllegalStateException("Expected " + count + " lookup events from JFR, got " + server.count());
        }
        return new Lookups(members, latencies, server, profile);
    }
}
