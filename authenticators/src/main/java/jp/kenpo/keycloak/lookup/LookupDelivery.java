package jp.kenpo.keycloak.lookup;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a dependent's ID is delivered, chosen per realm ({@code kenpo.lookup.delivery}). Unknown or unset
 * values read as the safe default, {@link #HOLD}.
 */
public enum LookupDelivery {
    /** The link is mailed at once but opens only after the hold; the insured member is told at request time and can stop it. */
    HOLD("hold"),
    /** The manual's route: the link opens at once; the insured member is still told at request time. */
    IMMEDIATE("immediate"),
    /** The link is mailed only after the insured member approves through the signed link in their notice. */
    APPROVAL("approval"),
    /** No link by mail: a postal request is recorded for union staff. */
    POST("post");

    private final String value;

    LookupDelivery(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static LookupDelivery of(String configured) {
        String v = configured == null ? "" : configured.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.value.equals(v)).findFirst().orElse(HOLD);
    }

    /** The configured spellings, in the order the admin console lists them. */
    static String[] configValues() {
        return Arrays.stream(values()).map(LookupDelivery::value).toArray(String[]::new);
    }
}
