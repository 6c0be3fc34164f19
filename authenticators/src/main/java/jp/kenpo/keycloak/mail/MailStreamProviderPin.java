package jp.kenpo.keycloak.mail;

import java.util.ServiceConfigurationError;
import java.util.function.Supplier;

import jakarta.mail.util.StreamProvider;
import org.jboss.logging.Logger;

/**
 * Names Jakarta Mail's stream provider once, in the system property Jakarta Mail reads first, so that a mail no longer
 * looks it up on the class path. Keycloak's sender builds a new Jakarta Mail session for every mail, and the session,
 * the message's encoders and the subject's decoder each ask for the provider; without the property each ask walks the
 * class path through {@link java.util.ServiceLoader}, missing entries and their exceptions included: about a third of
 * the CPU a 暗証キー mail cost in the benchmark (perf, 2026-12-03), some 0.7 ms per mail on two cores. The property
 * names the very class the lookup finds, so every mail goes out as before; a value union IT set is left alone.
 */
final class MailStreamProviderPin {

    static final String PROPERTY = StreamProvider.class.getName();

    private static final Logger LOG = Logger.getLogger(MailStreamProviderPin.class);

    private MailStreamProviderPin() {
    }

    /** At server start: sets the property to the provider Jakarta Mail finds now, unless it is set already. */
    static void pin() {
        String value = valueToSet(System.getProperty(PROPERTY), () -> StreamProvider.provider().getClass().getName());
        if (value != null) {
            System.setProperty(PROPERTY, value);
            LOG.debugf("Jakarta Mail's stream provider named once: %s", value);
        }
    }

    /**
     * The class name to set, or null: null when union IT already set one, or when the lookup finds none here (mail then
     * works, or fails, exactly as without the pack).
     */
    static String valueToSet(String current, Supplier<String> found) {
        if (current != null && !current.isBlank()) {
            return null;
        }
        try {
            return found.get();
        } catch (RuntimeException | ServiceConfigurationError e) {
            LOG.debugf("Jakarta Mail's stream provider left to its own lookup (%s)", e.getClass().getSimpleName());
            return null;
        }
    }
}
