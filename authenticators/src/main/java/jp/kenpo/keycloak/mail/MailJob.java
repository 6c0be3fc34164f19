package jp.kenpo.keycloak.mail;

import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One mail the pack promised, sent after the response: look up, issue what the mail carries, render
 * and send. Runs in its own Keycloak session and transaction; throws {@link EmailException} to be retried.
 */
public interface MailJob {

    /** What the job is, for the log (never an address, a name or a secret). */
    String description();

    void send(KeycloakSession session, RealmModel realm) throws EmailException;
}
