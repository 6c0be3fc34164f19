package jp.kenpo.keycloak.mail;

import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One mail the pack promised, sent after the response: look up, issue what the mail carries, render
 * and send. Runs in its own Keycloak session and transaction; throws {@link EmailException} to be retried.
 *
 * <p>A job waits in the mail outbox (a table in Keycloak's database) until it is sent, so it must be a
 * record of its kind ({@link MailJobKinds}) whose components are plain values (strings, numbers, enums,
 * URIs, nested records): it is stored as JSON, encrypted, and rebuilt on whichever node sends it.
 */
public interface MailJob {

    /** What the job is, for the log (never an address, a name or a secret). */
    String description();

    /** The address the job mails (first); admins see it masked in the outbox, never in clear. */
    String recipient();

    void send(KeycloakSession session, RealmModel realm) throws EmailException;
}
