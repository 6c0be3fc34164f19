package jp.kenpo.keycloak.common;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Runs mail jobs after the response, on a small bounded pool, each in its own Keycloak session and
 * transaction, retrying a failed send twice (after 5 s and 30 s).
 *
 * <p>Why: Keycloak sends mail on the request thread, so a page that mails only known addresses is
 * slower for them (user enumeration by timing, keycloak#26625). Jobs that look up the address, issue
 * secrets and send are queued the same way for every address, so the page answers in the same time.
 * A job's state lives only in the job; nothing is kept between requests here. Jobs still queued when a
 * node stops are lost (the member asks again).
 */
public final class MailQueue {

    /** One unit of work: look up, issue, render and send; throws to be retried. */
    @FunctionalInterface
    public interface Job {
        void run(KeycloakSession session, RealmModel realm) throws EmailException;
    }

    private static final Logger LOG = Logger.getLogger(MailQueue.class);
    private static final long[] RETRY_DELAYS_SECONDS = {5, 30};
    private static final int MAX_PENDING = 1_000;

    private final KeycloakSessionFactory factory;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicInteger pending = new AtomicInteger();

    public MailQueue(KeycloakSessionFactory factory, String name) {
        this.factory = factory;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.executor.setRemoveOnCancelPolicy(true);
    }

    /** Queues a job for the realm; false (and nothing queued) when too many jobs are waiting. */
    public boolean submit(String realmId, String description, Job job) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            LOG.warnf("Mail queue full; dropped %s", description);
            return false;
        }
        executor.execute(() -> attempt(realmId, description, job, 0));
        return true;
    }

    private void attempt(String realmId, String description, Job job, int attempt) {
        boolean retry = false;
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                    return;
                }
                session.getContext().setRealm(realm);
                try {
                    job.run(session, realm);
                } catch (EmailException e) {
                    throw new MailFailed(e);
                }
            });
        } catch (MailFailed e) {
            retry = attempt < RETRY_DELAYS_SECONDS.length;
            LOG.warnf("%s: mail not sent (attempt %d, %s)%s", description, attempt + 1,
                    e.getCause().getClass().getSimpleName(), retry ? ", will retry" : ", giving up");
        } catch (RuntimeException e) {
            LOG.errorf("%s failed: %s", description, e.getClass().getName());
        }
        if (retry) {
            executor.schedule(() -> attempt(realmId, description, job, attempt + 1), RETRY_DELAYS_SECONDS[attempt], TimeUnit.SECONDS);
        } else {
            pending.decrementAndGet();
        }
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    private static final class MailFailed extends RuntimeException {
        MailFailed(EmailException cause) {
            super(cause);
        }
    }
}
