package jp.kenpo.keycloak.testing;

import java.security.SecureRandom;

/** Test data shaped like the union's: pre-issued IDs and temporary passwords as printed on letters. */
public final class Members {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghjkmnpqrstuvwxyz";

    private Members() {
    }

    /** 8 characters ending in two digits, like {@code 07AA0A00}: the shape reserved for pre-issued IDs. */
    public static String preIssuedId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        id.append(RANDOM.nextInt(10)).append(RANDOM.nextInt(10));
        return id.toString();
    }

    /** 8 characters with all three classes, like {@code P0a40aca}. */
    public static String temporaryPassword() {
        StringBuilder pw = new StringBuilder("T");
        for (int i = 0; i < 5; i++) {
            pw.append(LOWER.charAt(RANDOM.nextInt(LOWER.length())));
        }
        pw.append(RANDOM.nextInt(10)).append(RANDOM.nextInt(10));
        return pw.toString();
    }

    /** A fresh ordinary login ID. */
    public static String loginId(String prefix) {
        return prefix + "-" + Long.toString(Math.abs(RANDOM.nextLong()), 36).substring(0, 8);
    }

    public static String toFullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }
}
