package jp.kenpo.keycloak.mail;

import java.util.List;

import org.keycloak.events.EventType;

/**
 * The mail job kinds of one feature. A feature lists its implementation in
 * {@code META-INF/services/jp.kenpo.keycloak.mail.MailJobKinds} (Java's ServiceLoader), so the mail service
 * can store and rebuild its jobs without knowing the feature: features depend on {@code mail}, never the
 * other way round.
 */
public interface MailJobKinds {

    /**
     * One kind of job.
     *
     * @param name      stored with every waiting job: never rename a kind that may have jobs waiting
     * @param type      the job's record type
     * @param deadEvent the event type recorded (as an error) when a job of this kind is given up
     */
    record Kind(String name, Class<? extends MailJob> type, EventType deadEvent) {
    }

    List<Kind> kinds();
}
