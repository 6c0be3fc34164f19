package jp.kenpo.keycloak.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One-time secrets: generated from a CSPRNG, kept only as a salted HMAC keyed with the realm's server-side
 * key ({@link ServerKey}), compared in constant time. Nothing here logs or returns a secret except
 * {@link #numericKey}, whose caller mails it.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_BYTES = 16;

    private Secrets() {
    }

    /** A key of {@code digits} decimal digits, each uniformly drawn (leading zeros allowed). */
    public static String numericKey(int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be positive");
        }
        StringBuilder key = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            key.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return key.toString();
    }

    /** An unguessable URL-safe token of {@code bytes} random bytes (for one-time links). */
    public static String urlSafeToken(int bytes) {
        byte[] token = new byte[bytes];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Unsalted SHA-256 (hex): for looking up a long random token by its hash, never for short secrets. */
    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return Base64.getEncoder().encodeToString(salt);
    }

    /**
     * HMAC-SHA512 with the server key over salt and secret, stored as {@code keyId:base64}. A stolen hash
     * of a short key (10 digits, about 33 bits) cannot be brute-forced without the realm's key; the salt
     * keeps equal secrets apart.
     */
    public static String hash(ServerKey key, String secret, String salt) {
        byte[] mac = key.mac("secret", Base64.getDecoder().decode(salt), secret.getBytes(StandardCharsets.UTF_8));
        return key.id() + ":" + Base64.getEncoder().encodeToString(mac);
    }

    /**
     * Constant-time check of a candidate against a hash from {@link #hash(ServerKey, String, String)}, with
     * the key it names (so a key rotation does not void live secrets); false when that key is gone.
     */
    public static boolean matches(ServerKey.Ring keys, String candidate, String salt, String stored) {
        if (candidate == null || salt == null || stored == null) {
            return false;
        }
        int colon = stored.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        return keys.byId(stored.substring(0, colon))
                .map(key -> MessageDigest.isEqual(hash(key, candidate, salt).getBytes(StandardCharsets.US_ASCII),
                        stored.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }
}
