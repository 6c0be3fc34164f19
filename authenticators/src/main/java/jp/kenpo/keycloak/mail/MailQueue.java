package jp.kenpo.keycloak.mail;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * The pack's mail service: {@code session.getProvider(MailQueue.class)}. Pages that mail only known
 * addresses queue their mail here, so they answer in the same time whoever asked (Keycloak sends mail
 * on the request thread, keycloak#26625).
 */
public interface MailQueue extends Provider {

    /** Queues the job for the realm; false (and nothing queued) when the queue is full. */
    boolean submit(RealmModel realm, MailJob job);

    @Override
    default void close() {
    }
}
