package jp.kenpo.keycloak.memberimport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import jp.kenpo.keycloak.member.MemberAttributes;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
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

    /**
     * Rows go in batches of {@link #BATCH}, each in its own transaction, on {@link #WORKERS} threads:
     * a union's file is mostly Keycloak's own per-user work, which one thread cannot spread over the
     * server's cores. Letters are handed out only once their batch has committed.
     *
     * @param rows one per member, as {@link MembershipFile#parse} gives them
     * @param keep member keys of rows that were rejected: their members are not absent, only unreadable this time
     */
    public ImportSummary run(List<MembershipFile.Row> rows, Set<String> keep, Mode mode, ImportSummary summary,
                             Consumer<Letter> letters, Consumer<ImportSummary> progress) {
        // MembershipFile already rejected a member's second row; two rows of one member on two threads
        // would create the member twice, so a list that still has one is a programming error.
        Set<String> seen = new HashSet<>();
        for (MembershipFile.Row row : rows) {
            if (!seen.add(row.memberKey())) {
                throw new IllegalArgumentException("A member is listed twice (line " + row.line() + ")");
            }
        }
        Map<String, MemberUpsert.Known> known = knownMembers();
        Set<String> issuedIds = ConcurrentHashMap.newKeySet();
        int batchCount = (rows.size() + BATCH - 1) / BATCH;
        int[] reported = {0};
        InFileOrder<Done> inOrder = new InFileOrder<>(batchCount, done -> {
            summary.addAll(done.counted());
            done.letters().forEach(letters);
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
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int b = 0; b < batchCount; b++) {
                int index = b;
                List<MembershipFile.Row> batch = rows.subList(b * BATCH, Math.min(rows.size(), (b + 1) * BATCH));
                batches.add(workers.submit(() -> {
                    ImportSummary counted = new ImportSummary();
                    List<Letter> issued = new ArrayList<>();
                    KeycloakModelUtils.runJobInTransaction(factory, session -> {
                        RealmModel realm = session.realms().getRealm(realmId);
                        session.getContext().setRealm(realm);
                        for (MembershipFile.Row row : batch) {
                            upsert.upsert(session, realm, row, known.get(row.memberKey()), counted, issued::add, issuedIds);
                            counted.add(ImportSummary.Count.PROCESSED);
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
        if (mode == Mode.FULL) {
            seen.addAll(keep);
            disableAbsent(known, seen, summary);
        }
        progress.accept(summary);
        return summary;
    }

    /** A committed batch's counts and letters, waiting for the batches before it. */
    private record Done(ImportSummary counted, List<Letter> letters) {
    }

    /**
     * Every member already in the realm, by member key, in one query: rows then find their account
     * without a search each, and the members the file no longer lists are known without a scan.
     */
    /**
     * How many active members a full import of these rows would disable for being absent (not counting
     * rows that were rejected, whose members are only unreadable this time), before anything changes.
     */
    public Absence absence(List<MembershipFile.Row> rows, Set<String> keep) {
        Set<String> listed = new HashSet<>(keep);
        rows.forEach(row -> listed.add(row.memberKey()));
        int active = 0;
        int absent = 0;
        for (Map.Entry<String, MemberUpsert.Known> member : knownMembers().entrySet()) {
            if (member.getValue().enabled()) {
                active++;
                if (!listed.contains(member.getKey())) {
                    absent++;
                }
            }
        }
        return new Absence(absent, active);
    }

    private Map<String, MemberUpsert.Known> knownMembers() {
        Map<String, MemberUpsert.Known> known = new HashMap<>();
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery("select a.value, a.user.id, a.user.enabled from UserAttributeEntity a"
                        + " where a.name = :name and a.user.realmId = :realm", Object[].class)
                .setParameter("name", MemberAttributes.MEMBER_KEY).setParameter("realm", realmId)
                .getResultStream()
                .forEach(r -> known.put((String) r[0], new MemberUpsert.Known((String) r[1], Boolean.TRUE.equals(r[2])))));
        return known;
    }

    /** Members of the union (they have a member key) that the file no longer lists are disabled. */
    private void disableAbsent(Map<String, MemberUpsert.Known> known, Set<String> seen, ImportSummary summary) {
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
                        summary.add(ImportSummary.Count.DISABLED);
                    }
                }
            });
        }
    }
}
