package jp.kenpo.keycloak.mail;

import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Metrics;
import jakarta.persistence.EntityManager;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.ServerKey;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The mail queue {@value #ID}: a durable outbox. {@link MailQueue#submit} writes the job, encrypted, to the table
 * {@code KENPO_MAIL_OUTBOX} in the request's own transaction (the row commits with the request; a request that
 * rolls back sends nothing), and this node's {@link MailOutboxWorker} sends it after a short delay. Any node
 * sends any due row, so a job outlives the node that accepted it. Options: {@link MailOutboxSettings}.
 *
 * <p>A job starts only after a short delay: the work of a known address (looking up accounts, issuing a
 * temporary password, rendering, SMTP) must not run on the node's cores while the answer to the same
 * request is still being written, or that answer would be slower for members than for strangers.
 */
public class BackgroundMailQueueFactory implements MailQueueFactory {

    public static final String ID = "background";

    /** Micrometer name; Prometheus shows it as kenpo_mail_queue_full_total. */
    static final String FULL_METRIC = "kenpo.mail.queue.full";

    private static final Logger LOG = Logger.getLogger(BackgroundMailQueueFactory.class);

    private MailOutboxSettings settings = MailOutboxSettings.DEFAULTS;
    private MailJobKindRegistry kinds;
    private MailOutboxWorker worker;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        settings = MailOutboxSettings.from(config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        MailStreamProviderPin.pin();
        kinds = MailJobKindRegistry.load();
        worker = new MailOutboxWorker(factory, settings, kinds, nodeName());
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                worker.start();
            }
        });
    }

    @Override
    public MailQueue create(KeycloakSession session) {
        return (realm, job) -> submit(session, realm, job);
    }

    MailOutboxSettings settings() {
        return settings;
    }

    MailJobKindRegistry kinds() {
        return kinds;
    }

    private boolean submit(KeycloakSession session, RealmModel realm, MailJob job) {
        EntityManager em = MailOutbox.em(session);
        long waiting = MailOutbox.waiting(em);
        if (waiting >= settings.maxPending()) {
            LOG.warnf("Mail queue full (%d waiting in the outbox); refused %s", waiting, job.description());
            Metrics.counter(FULL_METRIC).increment();
            return false;
        }
        MailJobKinds.Kind kind = kinds.kindOf(job);
        String id = KeycloakModelUtils.generateId();
        String payload = MailPayloadCipher.encrypt(ServerKey.Ring.of(session, realm).active(),
                MailPayloadCipher.aad(id, realm.getId(), kind.name()), kinds.toJson(job));
        if (payload.length() > MailOutboxEntity.PAYLOAD_LENGTH) {
            throw new IllegalStateException("Mail job " + job.description() + " is too large for the outbox (" + payload.length() + ")");
        }
        long now = Time.currentTimeMillis();
        MailOutboxEntity row = new MailOutboxEntity();
        row.setId(id);
        row.setRealmId(realm.getId());
        row.setKind(kind.name());
        row.setPayload(payload);
        row.setMaskedEmail(job.recipient() == null ? null : EmailMasker.mask(job.recipient()));
        row.setState(MailOutboxRules.PENDING);
        row.setAttempts(0);
        // Not due before the start delay, on any node: the job's work never overlaps the answer that queued it.
        row.setNextAttemptAt(now + settings.startDelayMillis());
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        em.persist(row);
        wakeAfterCommit(session);
        return true;
    }

    /** Once the session's transaction commits, this node looks for the mail it made due (not if it rolls back). */
    void wakeAfterCommit(KeycloakSession session) {
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                worker.wakeAfterQueued();
            }

            @Override
            protected void rollbackImpl() {
                // The row went with the request: nothing to send.
            }
        });
    }

    /** This node in the outbox's CLAIMED_BY: its host name and a per-start suffix, so a restarted node is a new claimant. */
    private static String nodeName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        if (host.length() > 40) {
            host = host.substring(0, 40);
        }
        return host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return MailOutboxSettings.metadata();
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
    }
}
