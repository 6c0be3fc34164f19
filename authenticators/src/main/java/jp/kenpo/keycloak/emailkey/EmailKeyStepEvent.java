package jp.kenpo.keycloak.emailkey;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The server time of one call of the email-key step, as a JDK Flight Recorder event: union IT (and
 * {@code ./bench.sh}) can see what the step costs in a running Keycloak with {@code jcmd <pid>
 * JFR.start}, and nothing is recorded, or costs anything, otherwise. The challenge phase includes
 * sending the mail, SMTP conversation included.
 */
@Name(EmailKeyStepEvent.NAME)
@Label("Kenpo email key step")
@Category({"Kenpo", "Login"})
@Description("One call of the email-key authenticator: challenge (new key and mail) or answer (key checked)")
@StackTrace(false)
final class EmailKeyStepEvent extends Event {

    static final String NAME = "jp.kenpo.keycloak.EmailKeyStep";

    @Label("Phase")
    String phase;

    /** Runs one phase of the step, timed. */
    static void time(String phase, Runnable step) {
        EmailKeyStepEvent event = new EmailKeyStepEvent();
        event.phase = phase;
        event.begin();
        try {
            step.run();
        } finally {
            event.commit();
        }
    }
}
