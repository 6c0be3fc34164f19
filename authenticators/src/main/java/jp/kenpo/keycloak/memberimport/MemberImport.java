package jp.kenpo.keycloak.memberimport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import jp.kenpo.keycloak.common.JapanTime;
import jp.kenpo.keycloak.common.TemporaryPasswordGenerator;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Loads the membership list into the realm, idempotently: members are matched by 記号-番号-枝番 (an
 * indexed user attribute), existing accounts are updated and never recreated, registered members'
 * login IDs and passwords are never touched, members past 資格喪失日 or absent from the file are
 * disabled (not deleted). New insured members get a pre-issued ID and a temporary password (returned
 * once, for the letters); new dependents get an account without a usable password (they use the lookup).
 * Rows go in small batches, each in its own transaction, on a few threads, with progress as they go.
 */
public final class MemberImport {

    /**
     * Rows per transaction. Hibernate checks every entity of a transaction before each query, so the
     * cost per row grows with the batch: small batches keep a 100,000-row file linear.
     */
    private static final int BATCH = 10;
    /** Parallel transactions: the server's cores, at most four, so an import leaves room for logins. */
    private static final int WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** A progress line every so many rows. */
    private static final int PROGRESS_EVERY = 200;
    /**
     * A pre-issued temporary password is ten random characters (about 58 bits), not a human choice, so
     * a slow hash adds nothing to it, while the realm's (Argon2, about 0.1 s of CPU each) would make a
     * union's import take hours. It is stored with Keycloak's own PBKDF2-SHA512 at a work factor that
     * still leaves guessing one from a stolen database at hundreds of GPU-years (2^57 guesses on
     * average), and Keycloak re-hashes it with the realm's policy at the member's first successful login.
     */
    static final String PRE_ISSUED_HASH = "pbkdf2-sha512";
    static final int PRE_ISSUED_HASH_ITERATIONS = 100;

    /** A new insured member's letter data; the temporary password exists in clear only here. */
    public record Letter(String memberKey, String name, String loginId, String temporaryPassword) {
    }

    /** Counts so far. */
    public static final class Summary {
        public int processed;
        public int created;
        public int updated;
        public int unchanged;
        public int disabled;
        public int enabled;
        public int skipped;
        public int rejected;

        void add(Summary other) {
            processed += other.processed;
            created += other.created;
            updated += other.updated;
            unchanged += other.unchanged;
            disabled += other.disabled;
            enabled += other.enabled;
            skipped += other.skipped;
            rejected += other.rejected;
        }

        /** The counts by name, in the order the answer and the admin event show them. */
        public Map<String, Integer> counts() {
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put("processed", processed);
            m.put("created", created);
            m.put("updated", updated);
            m.put("unchanged", unchanged);
            m.put("disabled", disabled);
            m.put("enabled", enabled);
            m.put("skipped", skipped);
            m.put("rejected", rejected);
            return m;
        }

        public Map<String, Object> toMap(boolean dryRun) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dryRun", dryRun);
            m.putAll(counts());
            return m;
        }
    }

    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final boolean dryRun;
    private final LocalDate today;

    public MemberImport(KeycloakSessionFactory factory, String realmId, boolean dryRun) {
        this(factory, realmId, dryRun, JapanTime.today());
    }

    MemberImport(KeycloakSessionFactory factory, String realmId, boolean dryRun, LocalDate today) {
        this.factory = factory;
        this.realmId = realmId;
        this.dryRun = dryRun;
        this.today = today;
    }

    /**
     * Rows go in batches of {@link #BATCH}, each in its own transaction, on {@link #WORKERS} threads:
     * a union's file is mostly Keycloak's own per-user work, which one thread cannot spread over the
     * server's cores. Letters are handed out only once their batch has committed.
     *
     * @param rows one per member, as {@link MembershipFile#parse} gives them
     * @param keep member keys of rows that were rejected: their members are not absent, only unreadable this time
     */
    public Summary run(List<MembershipFile.Row> rows, Set<String> keep, Summary summary, Consumer<Letter> letters,
                       Consumer<Summary> progress) {
        // MembershipFile already rejected a member's second row; two rows of one member on two threads
        // would create the member twice, so a list that still has one is a programming error.
        Set<String> seen = new HashSet<>();
        for (MembershipFile.Row row : rows) {
            if (!seen.add(row.memberKey())) {
                throw new IllegalArgumentException("A member is listed twice (line " + row.line() + ")");
            }
        }
        Map<String, Known> known = knownMembers();
        Set<String> issuedIds = ConcurrentHashMap.newKeySet();
        int batchCount = (rows.size() + BATCH - 1) / BATCH;
        int[] reported = {0};
        InFileOrder<Done> inOrder = new InFileOrder<>(batchCount, done -> {
            summary.add(done.counted());
            done.letters().forEach(letters);
            if (summary.processed / PROGRESS_EVERY > reported[0]) {
                reported[0] = summary.processed / PROGRESS_EVERY;
                progress.accept(summary);
            }
        });
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "kenpo-member-import");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int b = 0; b < batchCount; b++) {
                int index = b;
                List<MembershipFile.Row> batch = rows.subList(b * BATCH, Math.min(rows.size(), (b + 1) * BATCH));
                batches.add(workers.submit(() -> {
                    Summary counted = new Summary();
                    List<Letter> issued = new ArrayList<>();
                    KeycloakModelUtils.runJobInTransaction(factory, session -> {
                        RealmModel realm = session.realms().getRealm(realmId);
                        session.getContext().setRealm(realm);
                        for (MembershipFile.Row row : batch) {
                            upsert(session, realm, row, known.get(row.memberKey()), counted, issued::add, issuedIds);
                            counted.processed++;
                        }
                    });
                    inOrder.finished(index, new Done(counted, issued));
                }));
            }
            Throwable failure = null;
            for (Future<?> batch : batches) {
                try {
                    batch.get();
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                }
            }
            if (failure != null) {
                inOrder.handOnAfterFailure();
                throw new IllegalStateException("Member import failed", failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Member import interrupted", e);
        } finally {
            workers.shutdownNow();
        }
        seen.addAll(keep);
        disableAbsent(known, seen, summary);
        progress.accept(summary);
        return summary;
    }

    private void upsert(KeycloakSession session, RealmModel realm, MembershipFile.Row row, Known known, Summary summary,
                        Consumer<Letter> letters, Set<String> issuedIds) {
        boolean lost = row.lossDate() != null && !row.lossDate().isAfter(today);
        UserModel existing = known == null ? null : session.users().getUserById(realm, known.userId());
        if (existing != null) {
            boolean changed = applyData(existing, row);
            if (lost && existing.isEnabled()) {
                if (!dryRun) {
                    existing.setEnabled(false);
                    existing.setSingleAttribute(MemberAttributes.DISABLED_BY_IMPORT, "true");
                }
                summary.disabled++;
            } else if (!lost && !existing.isEnabled() && "true".equals(existing.getFirstAttribute(MemberAttributes.DISABLED_BY_IMPORT))) {
                if (!dryRun) {
                    existing.setEnabled(true);
                    existing.removeAttribute(MemberAttributes.DISABLED_BY_IMPORT);
                }
                summary.enabled++;
            } else if (changed) {
                summary.updated++;
            } else {
                summary.unchanged++;
            }
            return;
        }
        if (lost) {
            summary.skipped++;
            return;
        }
        summary.created++;
        if (dryRun) {
            return;
        }
        String loginId = uniqueId(session, realm, issuedIds);
        UserModel user = session.users().addUser(realm, loginId);
        user.setEnabled(true);
        user.setSingleAttribute(MemberAttributes.MEMBER_KEY, row.memberKey());
        user.setSingleAttribute(MemberAttributes.NICKNAME, Registration.DEFAULT_NICKNAME);
        user.setSingleAttribute(MemberAttributes.REGISTRATION, Registration.PENDING);
        applyData(user, row);
        if (row.insured()) {
            String temporary = TemporaryPasswordGenerator.generate();
            setPreIssuedPassword(session, user, temporary);
            letters.accept(new Letter(row.memberKey(), row.familyKanji() + " " + row.givenKanji(), loginId, temporary));
        }
    }

    /** Stores a pre-issued temporary password (see {@link #PRE_ISSUED_HASH}); the import and the letter reissue use it. */
    static void setPreIssuedPassword(KeycloakSession session, UserModel user, String temporary) {
        PasswordCredentialModel credential = session.getProvider(PasswordHashProvider.class, PRE_ISSUED_HASH)
                .encodedCredential(temporary, PRE_ISSUED_HASH_ITERATIONS);
        credential.setCreatedDate(Time.currentTimeMillis());
        user.credentialManager().createStoredCredential(credential);
    }

    /** Sets the member data from the list; true when anything changed. */
    private boolean applyData(UserModel user, MembershipFile.Row row) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(MemberAttributes.SYMBOL, row.symbol());
        values.put(MemberAttributes.NUMBER, row.number());
        values.put(MemberAttributes.BRANCH, row.branch());
        values.put(MemberAttributes.RELATIONSHIP, row.relationship());
        values.put(MemberAttributes.FAMILY_NAME_KANJI, row.familyKanji());
        values.put(MemberAttributes.GIVEN_NAME_KANJI, row.givenKanji());
        values.put(MemberAttributes.FAMILY_NAME_KANA, row.familyKana());
        values.put(MemberAttributes.GIVEN_NAME_KANA, row.givenKana());
        values.put(MemberAttributes.BIRTH_DATE, row.birthDate().toString());
        values.put(MemberAttributes.EMPLOYEE_NUMBER, row.employeeNumber());
        boolean changed = false;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String current = user.getFirstAttribute(e.getKey());
            String wanted = e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue();
            if (wanted == null ? current != null : !wanted.equals(current)) {
                changed = true;
                if (!dryRun) {
                    if (wanted == null) {
                        user.removeAttribute(e.getKey());
                    } else {
                        user.setSingleAttribute(e.getKey(), wanted);
                    }
                }
            }
        }
        return changed;
    }

    private static String uniqueId(KeycloakSession session, RealmModel realm, Set<String> issuedIds) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String id = PreIssuedIds.next();
            if (issuedIds.add(id) && session.users().getUserByUsername(realm, id) == null) {
                return id;
            }
        }
        throw new IllegalStateException("Could not find a free pre-issued login ID");
    }

    /** A committed batch's counts and letters, waiting for the batches before it. */
    private record Done(Summary counted, List<Letter> letters) {
    }

    /** A member already in the realm: the account and whether it is enabled. */
    private record Known(String userId, boolean enabled) {
    }

    /**
     * Every member already in the realm, by member key, in one query: rows then find their account
     * without a search each, and the members the file no longer lists are known without a scan.
     */
    private Map<String, Known> knownMembers() {
        Map<String, Known> known = new HashMap<>();
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery("select a.value, a.user.id, a.user.enabled from UserAttributeEntity a"
                        + " where a.name = :name and a.user.realmId = :realm", Object[].class)
                .setParameter("name", MemberAttributes.MEMBER_KEY).setParameter("realm", realmId)
                .getResultStream()
                .forEach(r -> known.put((String) r[0], new Known((String) r[1], Boolean.TRUE.equals(r[2])))));
        return known;
    }

    /** Members of the union (they have a member key) that the file no longer lists are disabled. */
    private void disableAbsent(Map<String, Known> known, Set<String> seen, Summary summary) {
        List<String> absent = known.entrySet().stream()
                .filter(e -> e.getValue().enabled() && !seen.contains(e.getKey()))
                .map(e -> e.getValue().userId()).toList();
        for (int from = 0; from < absent.size(); from += BATCH) {
            List<String> ids = absent.subList(from, Math.min(absent.size(), from + BATCH));
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                session.getContext().setRealm(realm);
                for (String id : ids) {
                    UserModel user = session.users().getUserById(realm, id);
                    if (user != null && user.isEnabled()) {
                        if (!dryRun) {
                            user.setEnabled(false);
                            user.setSingleAttribute(MemberAttributes.DISABLED_BY_IMPORT, "true");
                        }
                        summary.disabled++;
                    }
                }
            });
        }
    }
}
