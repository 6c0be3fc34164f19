package jp.kenpo.keycloak.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import jakarta.persistence.EntityManager;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.ServerKey;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Sends the outbox's mails from this node: polls for due rows (every {@code pollSeconds}, and soon after this
 * node queued one or a retry falls due), claims at most as many as it has free threads, and sends each in its
 * own Keycloak session and transaction, holding the row's lock while it sends. A failed attempt is retried with
 * back-off; after the last one the job is dead: an event, a WARN line and the gauge tell admins, who can retry it.
 */
final class MailOutboxWorker {

    /** The event error recorded when a job is given up. */
    static final String DEAD_ERROR = "kenpo_mail_dead";
    /** Micrometer names; Prometheus shows them as kenpo_mail_queue_pending, kenpo_mail_queue_dead, kenpo_mail_sent_total, kenpo_mail_failed_total. */
    static final String PENDING_METRIC = "kenpo.mail.queue.pending";
    static final String DEAD_METRIC = "kenpo.mail.queue.dead";
    static final String SENT_METRIC = "kenpo.mail.sent";
    static final String FAILED_METRIC = "kenpo.mail.failed";

    private static final Logger LOG = Logger.getLogger(MailOutboxWorker.class);
    private static final long PURGE_EVERY_MILLIS = 10 * 60 * 1000L;
    private static final long WAKE_GRAIN_MILLIS = 250;
    private static final EventType DEAD_EVENT_OF_UNKNOWN_KIND = EventType.SEND_RESET_PASSWORD_ERROR;

    private final KeycloakSessionFactory sessionFactory;
    private final MailOutboxSettings settings;
    private final MailJobKindRegistry kinds;
    private final String node;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong wakeAt = new AtomicLong();
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private final Object polling = new Object();
    private long lastPurge;

    private record Claimed(String id, int attempt) {
    }

    private enum Outcome { SENT, UNREADABLE, LOST, REALM_GONE }

    /** A send that failed with the mail server; the job's transaction was rolled back. */
    private static final class MailFailed extends RuntimeException {
        MailFailed(EmailException cause) {
            super(cause);
        }
    }

    MailOutboxWorker(KeycloakSessionFactory sessionFactory, MailOutboxSettings settings, MailJobKindRegistry kinds, String node) {
        this.sessionFactory = sessionFactory;
        this.settings = settings;
        this.kinds = kinds;
        this.node = node;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "kenpo-mail-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    String node() {
        return node;
    }

    /** Starts polling (once Keycloak's database is migrated) and the gauges. */
    void start() {
        Gauge.builder(PENDING_METRIC, waiting, AtomicLong::get)
                .description("Mails waiting in the pack's mail outbox (all nodes), as of this node's last poll").register(Metrics.globalRegistry);
        Gauge.builder(DEAD_METRIC, dead, AtomicLong::get)
                .description("Mails given up in the pack's mail outbox (all nodes), as of this node's last poll").register(Metrics.globalRegistry);
        executor.scheduleWithFixedDelay(this::poll, 0, settings.pollSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Polls once the mail this node just queued is due, so it goes out within seconds without waiting for the
     * periodic poll. Wake-ups fall on quarter seconds and one serves every mail due by then: a burst of
     * requests costs at most four polls a second.
     */
    void wakeAfterQueued() {
        long now = Time.currentTimeMillis();
        long at = ((now + settings.startDelayMillis()) / WAKE_GRAIN_MILLIS + 1) * WAKE_GRAIN_MILLIS;
        if (wakeAt.getAndAccumulate(at, Math::max) < at) {
            executor.schedule(this::poll, at - now, TimeUnit.MILLISECONDS);
        }
    }

    /** Polls as soon as a thread is free (once, however often asked meanwhile): after a send, more may be due. */
    private void pollNext() {
        if (pollQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                pollQueued.set(false);
                poll();
            });
        }
    }

    void close() {
        executor.shutdownNow();
    }

    private void poll() {
        try {
            synchronized (polling) {
                pollOnce();
            }
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable: the next poll tries again, and no row is lost.
            LOG.warnf("Mail outbox poll failed (%s); next poll in %d s", e.getClass().getName(), settings.pollSeconds());
        }
    }

    private void pollOnce() {
        long now = Time.currentTimeMillis();
        int room = settings.threads() - inFlight.get();
        List<Claimed> claimed = new ArrayList<>();
        KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
            EntityManager em = MailOutbox.em(session);
            if (room > 0) {
                // Read more than there is room for: another node may claim some of them first.
                for (MailOutboxEntity row : MailOutbox.due(em, now, room * 2)) {
                    if (claimed.size() >= room) {
                        break;
                    }
                    switch (MailOutboxRules.onPoll(row.getState(), row.getAttempts(), row.getNextAttemptAt(), row.getLeaseUntil(), now,
                            settings.retry().maxAttempts())) {
                        case CLAIM -> {
                            if (MailOutbox.claim(em, row, node, now, now + settings.leaseSeconds() * 1000L)) {
                                claimed.add(new Claimed(row.getId(), row.getAttempts() + 1));
                            }
                        }
                        case BURY -> {
                            if (MailOutbox.bury(em, row, now)) {
                                deadEvent(session, row.getRealmId(), row.getId(), row.getKind(), row.getMaskedEmail(), row.getAttempts());
                                LOG.warnf("Mail job %s (%s) given up: its node stopped during the last attempt (%d)", row.getId(),
                                        row.getKind(), row.getAttempts());
                            }
                        }
                        case SKIP -> {
                        }
                    }
                }
            }
            if (now - lastPurge >= PURGE_EVERY_MILLIS) {
                lastPurge = now;
                int purged = MailOutbox.purge(em, now - settings.sentRetentionHours() * 3_600_000L,
                        now - settings.deadRetentionDays() * 86_400_000L);
                if (purged > 0) {
                    LOG.debugf("Mail outbox: %d old sent or dead rows deleted", purged);
                }
            }
            Map<String, Long> counts = MailOutbox.counts(em, null);
            waiting.set(counts.get(MailOutboxRules.PENDING) + counts.get(MailOutboxRules.SENDING));
            dead.set(counts.get(MailOutboxRules.DEAD));
        });
        for (Claimed job : claimed) {
            inFlight.incrementAndGet();
            executor.execute(() -> {
                try {
                    send(job);
                } finally {
                    inFlight.decrementAndGet();
                    if (claimed.size() == room) {
                        // Every free thread got a mail: more may be due, so the backlog drains as fast as mails are sent.
                        pollNext();
                    }
                }
            });
        }
    }

    private void send(Claimed job) {
        Outcome outcome;
        try {
            outcome = KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, session -> sendInTransaction(session, job));
        } catch (MailFailed e) {
            failed(job, describe(e.getCause()), false);
            return;
        } catch (RuntimeException e) {
            failed(job, describe(e), false);
            return;
        }
        switch (outcome) {
            case SENT -> Metrics.counter(SENT_METRIC).increment();
            case UNREADABLE -> failed(job, "unreadable payload (unknown kind, changed job, or the realm key is gone)", true);
            case LOST -> LOG.warnf("Mail job %s: claim lost before sending (lease ended?); another node has it", job.id());
            case REALM_GONE -> LOG.debugf("Mail job %s: its realm is gone; deleted", job.id());
        }
    }

    private Outcome sendInTransaction(KeycloakSession session, Claimed job) {
        EntityManager em = MailOutbox.em(session);
        MailOutboxEntity row = MailOutbox.lock(em, job.id());
        if (!MailOutboxRules.holds(row, node, job.attempt())) {
            return Outcome.LOST;
        }
        RealmModel realm = session.realms().getRealm(row.getRealmId());
        if (realm == null) {
            em.remove(row);
            return Outcome.REALM_GONE;
        }
        session.getContext().setRealm(realm);
        String kind = row.getKind();
        Optional<MailJob> mail = MailPayloadCipher.decrypt(ServerKey.Ring.of(session, realm),
                        MailPayloadCipher.aad(row.getId(), row.getRealmId(), kind), row.getPayload())
                .flatMap(json -> kinds.fromJson(kind, json));
        if (mail.isEmpty()) {
            return Outcome.UNREADABLE;
        }
        try {
            mail.get().send(session, realm);
        } catch (EmailException e) {
            throw new MailFailed(e);
        }
        // By query, not through the entity: the job's own work may have cleared the persistence context.
        if (MailOutbox.markSent(em, job.id(), node, job.attempt(), Time.currentTimeMillis()) != 1) {
            throw new IllegalStateException("claim lost while sending");
        }
        return Outcome.SENT;
    }

    /** Records a failed attempt: pending again after the back-off, or dead after the last attempt (or when it cannot be read). */
    private void failed(Claimed job, String error, boolean giveUp) {
        Metrics.counter(FAILED_METRIC).increment();
        long[] retryIn = {-1};
        KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
            EntityManager em = MailOutbox.em(session);
            MailOutboxEntity row = MailOutbox.lock(em, job.id());
            if (!MailOutboxRules.holds(row, node, job.attempt())) {
                return;
            }
            long now = Time.currentTimeMillis();
            row.setClaimedBy(null);
            row.setLeaseUntil(null);
            row.setLastError(error.length() > 255 ? error.substring(0, 255) : error);
            row.setUpdatedAt(now);
            if (giveUp || settings.retry().givesUp(row.getAttempts())) {
                row.setState(MailOutboxRules.DEAD);
                deadEvent(session, row.getRealmId(), row.getId(), row.getKind(), row.getMaskedEmail(), row.getAttempts());
            } else {
                retryIn[0] = settings.retry().delayMillis(row.getAttempts());
                row.setState(MailOutboxRules.PENDING);
                row.setNextAttemptAt(now + retryIn[0]);
            }
        });
        if (retryIn[0] >= 0) {
            LOG.warnf("Mail job %s: not sent (attempt %d of %d, %s); retry in %d s", job.id(), job.attempt(),
                    settings.retry().maxAttempts(), error, retryIn[0] / 1000);
            executor.schedule(this::poll, retryIn[0], TimeUnit.MILLISECONDS);
        } else {
            LOG.warnf("Mail job %s: not sent (attempt %d, %s); given up: see kenpo-mail-outbox", job.id(), job.attempt(), error);
        }
    }

    private void deadEvent(KeycloakSession session, String realmId, String id, String kind, String maskedEmail, int attempts) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        EventType type = kinds.byName(kind).map(MailJobKinds.Kind::deadEvent).orElse(DEAD_EVENT_OF_UNKNOWN_KIND);
        new EventBuilder(realm, session).event(type)
                .detail(EventDetails.MAIL_JOB, id)
                .detail(EventDetails.MAIL_KIND, kind)
                .detail(EventDetails.MAIL_ATTEMPTS, Integer.toString(attempts))
                .detail(EventDetails.MASKED_EMAIL, maskedEmail)
                .error(DEAD_ERROR);
    }

    /** The exception's class names, outermost first: never its messages, which may carry an address. */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 200; t = t.getCause() == t ? null : t.getCause()) {
            if (!out.isEmpty()) {
                out.append(" < ");
            }
            out.append(t.getClass().getSimpleName());
        }
        return out.toString();
    }
}
