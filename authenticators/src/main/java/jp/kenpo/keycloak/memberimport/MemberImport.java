package jp.kenpo.keycloak.memberimport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jp.kenpo.keycloak.common.JapanTime;
import jp.kenpo.keycloak.member.MemberAttributes;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Loads the membership list into the realm, idempotently: members are matched by 記号-番号-枝番 (an
 * indexed user attribute), existing accounts are updated and never recreated, registered members'
 * login IDs and passwords are never touched, members past 資格喪失日 or absent from the file are
 * disabled (not deleted). New insured members get a pre-issued ID and a temporary password (returned
 * once, for the letters); new dependents get an account without a usable password (they use the lookup).
 * The file is read as it goes, in chunks of rows, each in its own transaction, on a few threads, with
 * progress as they go; memory holds the chunks in flight and the file's member keys ({@link MemberKeys}).
 */
public final class MemberImport {

    /**
     * Rows per transaction. New members are written the way Keycloak's own realm import writes users
     * ({@link EntityManagers#runInBatch}: no flush per user, no flush before each query, the chunk's
     * inserts sent in JDBC batches at its end), so a chunk's cost grows linearly with its rows and a larger
     * chunk saves the per-transaction work; the members it looks up are found with one query per chunk.
     */
    static final int CHUNK = 100;
    /** Parallel transactions: the server's cores, at most four, so an import leaves room for logins. */
    private static final int WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** Chunks read and not yet handed on: bounds the rows held in memory. */
    private static final int IN_FLIGHT = WORKERS * 2;
    /** A progress line every so many rows. */
    private static final int PROGRESS_EVERY = 200;
    /** Members per page when the realm's members are walked (absence, disabling). */
    private static final int PAGE = 1_000;
    /**
     * A chunk whose new login ID was taken meanwhile (by a chunk committing beside it: IDs are checked
     * against the realm before the chunk writes) is rolled back and run again with new IDs, at most so often.
     */
    private static final int ATTEMPTS = 5;

    /** A new insured member's letter data; the temporary password exists in clear only here. */
    public record Letter(String memberKey, String name, String loginId, String temporaryPassword) {
    }

    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final boolean dryRun;
    private final MemberUpsert upsert;

    /**
     * What the file is: the whole membership (members it does not list are disabled, the manual's
     * behaviour) or a part of it (new hires, one office: additions and changes only, nobody is disabled
     * for being absent; a 資格喪失日 in a row still disables that member).
     */
    public enum Mode { FULL, PARTIAL }

    /** Members a full import would disable for being absent from the file, beside the members now active. */
    public record Absence(int absent, int active) {
        /** True when more than {@code percent} % of the active members would be disabled. */
        public boolean exceeds(int percent) {
            return (long) absent * 100 > (long) percent * active;
        }
    }

    public MemberImport(KeycloakSessionFactory factory, String realmId, boolean dryRun) {
        this(factory, realmId, dryRun, JapanTime.today());
    }

    MemberImport(KeycloakSessionFactory factory, String realmId, boolean dryRun, LocalDate today) {
        this.factory = factory;
        this.realmId = realmId;
        this.dryRun = dryRun;
        this.upsert = new MemberUpsert(dryRun, today);
    }

    /** What a worker hands on for each chunk, in file order: its counts, rejected rows and letters. */
    interface Output {
        void rejected(MembershipFile.Rejected rejected);

        void letter(Letter letter);

        /** After each chunk; {@code summary} holds the counts so far. */
        void chunkDone(ImportSummary summary);
    }

    /**
     * Reads the file's items chunk by chunk and applies each chunk in its own transaction on {@link #WORKERS}
     * threads, with at most {@link #IN_FLIGHT} chunks read ahead. Rejected rows and letters are handed on in
     * file order, a chunk's letters only once it has committed. After the first failure no new chunk starts;
     * the committed ones are still handed on, then the failure is thrown.
     *
     * @param items the file's second reading ({@link MembershipFile.Items}, with the keys of the first)
     * @param keys every member the file lists (rows rejected for bad data included: unreadable this time, not absent)
     */
    ImportSummary run(MembershipFile.Items items, MemberKeys keys, Mode mode, ImportSummary summary,
                             Output output, Consumer<ImportSummary> progress) {
        int[] reported = {0};
        // A slot per chunk read and not yet handed on: the rows and results held stay bounded even when one
        // chunk is slow and the ones after it wait for it.
        Semaphore slots = new Semaphore(IN_FLIGHT);
        InFileOrder<Done> inOrder = new InFileOrder<>(done -> {
            slots.release();
            summary.addAll(done.counted());
            done.rejected().forEach(output::rejected);
            done.letters().forEach(output::letter);
            output.chunkDone(summary);
            if (summary.get(ImportSummary.Count.PROCESSED) / PROGRESS_EVERY > reported[0]) {
                reported[0] = summary.get(ImportSummary.Count.PROCESSED) / PROGRESS_EVERY;
                progress.accept(summary);
            }
        });
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "kenpo-member-import");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            int index = 0;
            for (List<MembershipFile.Item> chunk = chunk(items); !chunk.isEmpty() && failure.get() == null; chunk = chunk(items)) {
                slots.acquire();
                if (failure.get() != null) {
                    break;
                }
                int number = index++;
                List<MembershipFile.Item> batch = chunk;
                workers.execute(() -> {
                    Done done;
                    try {
                        done = apply(batch);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        slots.release();
                        return;
                    }
                    try {
                        inOrder.finished(number, done);
                    } catch (Throwable e) {
                        // The answer could not be written (the client went away): stop reading the file.
                        failure.compareAndSet(null, e);
                        slots.release();
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } catch (RuntimeException e) {
            // The file could not be read further: the chunks under way still finish and are handed on.
            failure.compareAndSet(null, e);
        } finally {
            workers.shutdown();
            awaitChunks(workers);
        }
        if (failure.get() != null) {
            inOrder.handOnAfterFailure();
            throw new IllegalStateException("Member import failed", failure.get());
        }
        if (mode == Mode.FULL) {
            disableAbsent(keys, summary);
        }
        progress.accept(summary);
        return summary;
    }

    private static void awaitChunks(ExecutorService workers) {
        try {
            while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                // a chunk is still writing
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The next items up to {@link #CHUNK} rows (rejected ones ride along), empty at the end of the file. */
    private static List<MembershipFile.Item> chunk(MembershipFile.Items items) {
        List<MembershipFile.Item> chunk = new ArrayList<>();
        int rows = 0;
        MembershipFile.Item item;
        while (rows < CHUNK && (item = items.next()) != null) {
            chunk.add(item);
            if (item instanceof MembershipFile.Row) {
                rows++;
            }
        }
        return chunk;
    }

    /** A committed chunk's counts, rejected rows and letters, waiting for the chunks before it. */
    private record Done(ImportSummary counted, List<MembershipFile.Rejected> rejected, List<Letter> letters) {
    }

    /** One chunk in one transaction (run again with new login IDs if one was taken meanwhile). */
    private Done apply(List<MembershipFile.Item> chunk) {
        List<MembershipFile.Row> rows = new ArrayList<>();
        List<MembershipFile.Rejected> rejected = new ArrayList<>();
        for (MembershipFile.Item item : chunk) {
            if (item instanceof MembershipFile.Row row) {
                rows.add(row);
            } else {
                rejected.add((MembershipFile.Rejected) item);
            }
        }
        for (int attempt = 1; ; attempt++) {
            ImportSummary counted = new ImportSummary();
            counted.add(ImportSummary.Count.REJECTED, rejected.size());
            List<Letter> letters = new ArrayList<>();
            try {
                if (!rows.isEmpty()) {
                    KeycloakModelUtils.runJobInTransaction(factory, session -> applyRows(session, rows, counted, letters));
                }
                return new Done(counted, rejected, letters);
            } catch (ModelDuplicateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void applyRows(KeycloakSession session, List<MembershipFile.Row> rows, ImportSummary counted, List<Letter> letters) {
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        Map<String, String> known = knownMembers(session, rows);
        List<MembershipFile.Row> created = new ArrayList<>();
        for (MembershipFile.Row row : rows) {
            counted.add(ImportSummary.Count.PROCESSED);
            String userId = known.get(row.memberKey());
            UserModel existing = userId == null ? null : session.users().getUserById(realm, userId);
            if (existing != null) {
                upsert.update(existing, row, counted);
            } else if (upsert.lost(row)) {
                counted.add(ImportSummary.Count.SKIPPED);
            } else {
                counted.add(ImportSummary.Count.CREATED);
                created.add(row);
            }
        }
        if (dryRun || created.isEmpty()) {
            return;
        }
        List<String> loginIds = freeLoginIds(session, created.size());
        // As Keycloak's realm import writes users: in batch mode nothing is flushed per user or before each
        // query, and the chunk's rows go to the database in JDBC batches when it ends.
        EntityManagers.runInBatch(session, () -> {
            for (int i = 0; i < created.size(); i++) {
                upsert.create(session, realm, created.get(i), loginIds.get(i), letters::add);
            }
        }, true);
    }

    /** The user IDs of the rows' members already in the realm, by member key: one indexed query per chunk. */
    private Map<String, String> knownMembers(KeycloakSession session, List<MembershipFile.Row> rows) {
        Map<String, String> known = new HashMap<>();
        entityManager(session).createQuery("select a.value, a.user.id from UserAttributeEntity a"
                        + " where a.name = :name and a.value in :keys and a.user.realmId = :realm", Object[].class)
                .setParameter("name", MemberAttributes.MEMBER_KEY).setParameter("realm", realmId)
                .setParameter("keys", rows.stream().map(MembershipFile.Row::memberKey).toList())
                .getResultList()
                .forEach(r -> known.putIfAbsent((String) r[0], (String) r[1]));
        return known;
    }

    /**
     * {@code count} new pre-issued login IDs that no account of the realm has: drawn at random, checked with
     * one query per draw. Two chunks committing side by side may still draw the same ID (about once in
     * 10^7 chunks); the second then fails on Keycloak's unique username and runs again.
     */
    private List<String> freeLoginIds(KeycloakSession session, int count) {
        Set<String> ids = new HashSet<>();
        for (int draw = 0; draw < 20 && ids.size() < count; draw++) {
            Map<String, String> candidates = new HashMap<>();
            while (candidates.size() < count - ids.size()) {
                String id = PreIssuedIds.next();
                if (!ids.contains(id)) {
                    candidates.put(id.toLowerCase(Locale.ROOT), id);
                }
            }
            // Keycloak stores usernames in lower case.
            entityManager(session).createQuery("select u.username from UserEntity u where u.realmId = :realm and u.username in :names",
                            String.class)
                    .setParameter("realm", realmId).setParameter("names", List.copyOf(candidates.keySet()))
                    .getResultList().forEach(candidates::remove);
            ids.addAll(candidates.values());
        }
        if (ids.size() < count) {
            throw new IllegalStateException("Could not find free pre-issued login IDs");
        }
        return new ArrayList<>(ids);
    }

    private static EntityManager entityManager(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /**
     * How many active members a full import of the file would disable for being absent (members whose rows
     * were rejected are only unreadable this time, and count as listed), before anything changes.
     */
    Absence absence(MemberKeys keys) {
        int[] counts = {0, 0};
        forEachActiveMember(page -> page.forEach(member -> {
            counts[1]++;
            if (!keys.contains(member.memberKey())) {
                counts[0]++;
            }
        }));
        return new Absence(counts[0], counts[1]);
    }

    /** An enabled member of the realm (one with a member key). */
    private record Member(String userId, String memberKey) {
    }

    /**
     * Walks the realm's enabled members in pages of {@link #PAGE}, by user ID, each page read in a short
     * transaction of its own: memory holds one page, however many members the realm has.
     * <p>
     * Native SQL on Keycloak's own tables, because the page bound must sit on the attribute's USER_ID as well as
     * on the user's ID: JPQL's {@code a.user.id} may be rendered as either, and with the bound only on the user's
     * ID PostgreSQL walks the attribute index from the start for every page (12 s a page in the middle of
     * 2,000,000 members, 25 ms with the bound on both).
     */
    private void forEachActiveMember(Consumer<List<Member>> pages) {
        String after = "";
        while (true) {
            String from = after;
            List<Member> page = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = entityManager(session).createNativeQuery("select a.USER_ID, a.VALUE from USER_ATTRIBUTE a"
                                + " join USER_ENTITY u on u.ID = a.USER_ID where a.NAME = ?1 and u.REALM_ID = ?2 and u.ENABLED = ?3"
                                + " and a.USER_ID > ?4 and u.ID > ?4 order by a.USER_ID")
                        .setParameter(1, MemberAttributes.MEMBER_KEY).setParameter(2, realmId).setParameter(3, Boolean.TRUE)
                        .setParameter(4, from).setMaxResults(PAGE).getResultList();
                return rows.stream().map(r -> new Member((String) r[0], (String) r[1])).toList();
            });
            if (page.isEmpty()) {
                return;
            }
            pages.accept(page);
            after = page.get(page.size() - 1).userId();
        }
    }

    /** Members of the union (they have a member key) that the file no longer lists are disabled. */
    private void disableAbsent(MemberKeys keys, ImportSummary summary) {
        forEachActiveMember(page -> {
            List<String> absent = page.stream().filter(m -> !keys.contains(m.memberKey())).map(Member::userId).toList();
            if (absent.isEmpty()) {
                return;
            }
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                session.getContext().setRealm(realm);
                for (String id : absent) {
                    UserModel user = session.users().getUserById(realm, id);
                    if (user != null && user.isEnabled()) {
                        if (!dryRun) {
                            user.setEnabled(false);
                            user.setSingleAttribute(MemberAttributes.DISABLED_BY_IMPORT, "true");
                        }
                        summary.add(ImportSummary.Count.DISABLED);
                    }
                }
            });
        });
    }
}
