package jp.kenpo.keycloak.memberimport;

import java.security.SecureRandom;

/**
 * Login IDs printed on the union's letters: 8 characters whose 7th and 8th are digits (the shape the
 * login-ID rule keeps for pre-issued IDs), upper-case letters and digits only, without characters
 * easily confused on paper (0/O, 1/I/L).
 */
public final class PreIssuedIds {

    static final String FIRST_SIX = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final String LAST_TWO = "23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PreIssuedIds() {
    }

    public static String next() {
        StringBuilder id = new StringBuilder(8);
        for (int i = 0; i < 6; i++) {
            id.append(FIRST_SIX.charAt(RANDOM.nextInt(FIRST_SIX.length())));
        }
        for (int i = 0; i < 2; i++) {
            id.append(LAST_TWO.charAt(RANDOM.nextInt(LAST_TWO.length())));
        }
        return id.toString();
    }
}
