package jp.kenpo.keycloak.mail;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * The pack's mail service: {@code session.getProvider(MailQueue.class)}. Pages that mail only known
 * addresses queue their mail here, so they answer in the same time whoever asked (Keycloak sends mail
 * on the request thread, keycloak#26625). A queued mail is kept in the mail outbox in Keycloak's database
 * until it is sent, by whichever node of the cluster is up.
 */
public interface MailQueue extends Provider {

    /**
     * Queues the job for the realm in the caller's transaction (it is sent only if that transaction commits);
     * false (and nothing queued) when the queue is full.
     */
    boolean submit(RealmModel realm, MailJob job);

    @Override
    default void close() {
    }
}
