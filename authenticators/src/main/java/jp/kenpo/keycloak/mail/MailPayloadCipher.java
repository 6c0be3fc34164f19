package jp.kenpo.keycloak.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jp.kenpo.keycloak.common.ServerKey;

/**
 * Encrypts a waiting mail job (addresses, a lookup's link) with AES-256-GCM under a key derived from the
 * realm's server-side key ({@link ServerKey}), so the outbox table holds nothing readable: a copy of the
 * database without the realm's key tells nothing of who was mailed what. The row's id, realm and kind are
 * authenticated with it, so a payload cannot be moved to another row. Stored as {@code keyId:base64(iv || ciphertext)};
 * the key id lets a job written before a key rotation still be read while the old key exists.
 */
final class MailPayloadCipher {

    private static final String PURPOSE = "mail-outbox-payload";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MailPayloadCipher() {
    }

    static String encrypt(ServerKey key, String aad, byte[] plain) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, aad);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return key.id() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    /** The plain payload; empty when its key is gone or it was altered (or belongs to another row). */
    static Optional<byte[]> decrypt(ServerKey.Ring keys, String aad, String stored) {
        int colon = stored == null ? -1 : stored.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return keys.byId(stored.substring(0, colon)).flatMap(key -> {
            try {
                byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
                if (in.length <= IV_BYTES) {
                    return Optional.empty();
                }
                Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(in, IV_BYTES), aad);
                return Optional.of(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** What a row's payload is bound to. */
    static String aad(String id, String realmId, String kind) {
        return id + "\n" + realmId + "\n" + kind;
    }

    private static Cipher cipher(int mode, ServerKey key, byte[] iv, String aad) throws GeneralSecurityException {
        byte[] aes = Arrays.copyOf(key.mac(PURPOSE), 32);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(aes, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
