package jp.kenpo.keycloak.mail;

import java.util.function.Consumer;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Submits a job to the {@link MailQueue} (the mail outbox) and reports a full queue instead of dropping the mail
 * silently: the caller learns it (and shows "could not send, try later", the same page for every
 * address), admins see the event error {@value #QUEUE_FULL} and the metric {@code kenpo_mail_queue_full_total}.
 */
public final class QueuedMail {

    /** The event error recorded when the queue refused a mail. */
    public static final String QUEUE_FULL = "kenpo_mail_queue_full";

    private QueuedMail() {
    }

    /**
     * Queues {@code job}; when the queue is full, records {@code event} (a clone the caller prepared, not yet
     * sent) as the error {@value #QUEUE_FULL} and answers false.
     */
    public static boolean submit(KeycloakSession session, RealmModel realm, MailJob job, EventBuilder event) {
        return submit(session.getProvider(MailQueue.class), realm, job, full -> event.error(full));
    }

    /** The same with the report as a callback (unit tests). */
    static boolean submit(MailQueue queue, RealmModel realm, MailJob job, Consumer<String> onFull) {
        if (queue.submit(realm, job)) {
            return true;
        }
        onFull.accept(QUEUE_FULL);
        return false;
    }
}
