package jp.kenpo.keycloak.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 codes as Keycloak's default OTP policy checks them (HmacSHA1, 6 digits, 30 s); Keycloak
 * keys the HMAC with the UTF-8 bytes of the stored secret.
 */
final class Totp {

    static final int PERIOD_SECONDS = 30;

    private Totp() {
    }

    static long period(long epochMillis) {
        return epochMillis / 1000 / PERIOD_SECONDS;
    }

    static String code(String secret, long period) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(period).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
