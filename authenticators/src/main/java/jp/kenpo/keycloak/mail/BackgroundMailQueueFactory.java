package jp.kenpo.keycloak.mail;

import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The mail queue {@value #ID}: runs jobs after the response on a small bounded pool of this node,
 * each in its own Keycloak session and transaction, retrying a failed send twice (after 5 s and 30 s).
 * A job's state lives only in the job; jobs still queued when the node stops are lost (the member asks
 * again). Options: {@code --spi-kenpo-mail-queue--background--threads} (default {@value #DEFAULT_THREADS}),
 * {@code --spi-kenpo-mail-queue--background--max-pending} (default {@value #DEFAULT_MAX_PENDING}) and
 * {@code --spi-kenpo-mail-queue--background--start-delay-millis} (default {@value #DEFAULT_START_DELAY_MILLIS}).
 *
 * <p>A job starts only after a short delay: the work of a known address (looking up accounts, issuing a
 * temporary password, rendering, SMTP) must not run on the node's cores while the answer to the same
 * request is still being written, or that answer would be slower for members than for strangers.
 */
public class BackgroundMailQueueFactory implements MailQueueFactory {

    public static final String ID = "background";
    static final String THREADS = "threads";
    static final String MAX_PENDING = "maxPending";
    static final int DEFAULT_THREADS = 2;
    static final int DEFAULT_MAX_PENDING = 1_000;
    static final String START_DELAY_MILLIS = "startDelayMillis";
    static final int DEFAULT_START_DELAY_MILLIS = 1_000;

    /** Micrometer names; Prometheus shows them as kenpo_mail_queue_full_total and kenpo_mail_queue_pending. */
    static final String FULL_METRIC = "kenpo.mail.queue.full";
    static final String PENDING_METRIC = "kenpo.mail.queue.pending";

    private static final Logger LOG = Logger.getLogger(BackgroundMailQueueFactory.class);
    private static final long[] RETRY_DELAYS_SECONDS = {5, 30};

    private final AtomicInteger pending = new AtomicInteger();
    private int threads = DEFAULT_THREADS;
    private int maxPending = DEFAULT_MAX_PENDING;
    private int startDelayMillis = DEFAULT_START_DELAY_MILLIS;
    private KeycloakSessionFactory sessionFactory;
    private ScheduledThreadPoolExecutor executor;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        threads = Math.max(1, config.getInt(THREADS, DEFAULT_THREADS));
        maxPending = Math.max(1, config.getInt(MAX_PENDING, DEFAULT_MAX_PENDING));
        startDelayMillis = Math.max(0, config.getInt(START_DELAY_MILLIS, DEFAULT_START_DELAY_MILLIS));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
        Gauge.builder(PENDING_METRIC, pending, AtomicInteger::get)
                .description("Mails waiting in this node's kenpo mail queue").register(Metrics.globalRegistry);
        AtomicInteger count = new AtomicInteger();
        executor = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, "kenpo-mail-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public MailQueue create(KeycloakSession session) {
        return this::submit;
    }

    int threads() {
        return threads;
    }

    int maxPending() {
        return maxPending;
    }

    int startDelayMillis() {
        return startDelayMillis;
    }

    private boolean submit(RealmModel realm, MailJob job) {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            LOG.warnf("Mail queue full (%d waiting); dropped %s", maxPending, job.description());
            Metrics.counter(FULL_METRIC).increment();
            return false;
        }
        String realmId = realm.getId();
        executor.schedule(() -> attempt(realmId, job, 0), startDelayMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    private void attempt(String realmId, MailJob job, int attempt) {
        boolean retry = false;
        try {
            KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                    return;
                }
                session.getContext().setRealm(realm);
                try {
                    job.send(session, realm);
                } catch (EmailException e) {
                    throw new MailFailed(e);
                }
            });
        } catch (MailFailed e) {
            retry = attempt < RETRY_DELAYS_SECONDS.length;
            LOG.warnf("%s: mail not sent (attempt %d, %s)%s", job.description(), attempt + 1,
                    e.getCause().getClass().getSimpleName(), retry ? ", will retry" : ", giving up");
        } catch (RuntimeException e) {
            LOG.errorf("%s failed: %s", job.description(), e.getClass().getName());
        }
        if (retry) {
            executor.schedule(() -> attempt(realmId, job, attempt + 1), RETRY_DELAYS_SECONDS[attempt], TimeUnit.SECONDS);
        } else {
            pending.decrementAndGet();
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(THREADS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Threads that send the pack's queued mails on this node.")
                .defaultValue(DEFAULT_THREADS).add()
                .property().name(MAX_PENDING).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Mails that may wait on this node; past it a request is refused and logged.")
                .defaultValue(DEFAULT_MAX_PENDING).add()
                .property().name(START_DELAY_MILLIS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Milliseconds a queued mail waits before it is worked on, so its work never slows the answer that queued it.")
                .defaultValue(DEFAULT_START_DELAY_MILLIS).add()
                .build();
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static final class MailFailed extends RuntimeException {
        MailFailed(EmailException cause) {
            super(cause);
        }
    }
}
