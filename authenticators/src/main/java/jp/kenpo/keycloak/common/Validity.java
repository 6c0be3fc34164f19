package jp.kenpo.keycloak.common;

import java.util.HashMap;
import java.util.Map;

/**
 * How long something is valid, as members read it in a mail: whole hours from an hour up, otherwise
 * whole minutes, always rounded up (a 90 s key is "2 minutes", never "1").
 */
public final class Validity {

    private Validity() {
    }

    public static int hours(int seconds) {
        return (seconds + 3599) / 3600;
    }

    public static int minutes(int seconds) {
        return (seconds + 59) / 60;
    }

    /** The attributes the pack's mail templates use to say the validity: validityInHours, validityHours, validityMinutes. */
    public static Map<String, Object> mailAttributes(int seconds) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("validityInHours", seconds >= 3600);
        attributes.put("validityHours", hours(seconds));
        attributes.put("validityMinutes", minutes(seconds));
        return attributes;
    }
}
