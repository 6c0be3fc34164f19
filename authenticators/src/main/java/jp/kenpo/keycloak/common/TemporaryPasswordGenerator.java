package jp.kenpo.keycloak.common;

import java.security.SecureRandom;

/**
 * Temporary passwords that satisfy the union's rule (A–Z a–z 0–9, one of each class) and are easy to
 * copy from a mail or a letter: no characters that look alike (0/O/o, 1/I/l).
 */
public final class TemporaryPasswordGenerator {

    static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    static final String DIGITS = "23456789";
    private static final String ALL = UPPER + LOWER + DIGITS;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Characters of a temporary password (the letter's 仮パスワード, the lookup's, the reissue's default). */
    public static final int LENGTH = 10;

    private TemporaryPasswordGenerator() {
    }

    /** A temporary password of {@link #LENGTH} characters. */
    public static String generate() {
        return generate(LENGTH);
    }

    public static String generate(int length) {
        if (length < 3) {
            throw new IllegalArgumentException("A temporary password needs room for all three classes");
        }
        char[] chars = new char[length];
        chars[0] = pick(UPPER);
        chars[1] = pick(LOWER);
        chars[2] = pick(DIGITS);
        for (int i = 3; i < length; i++) {
            chars[i] = pick(ALL);
        }
        for (int i = length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = chars[i];
            chars[i] = chars[j];
            chars[j] = t;
        }
        return new String(chars);
    }

    private static char pick(String alphabet) {
        return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
}
