package jp.kenpo.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jp.kenpo.keycloak.common.ServerKey;
import org.junit.jupiter.api.Test;

class MailPayloadCipherTest {

    private static final ServerKey KEY = ServerKey.derive("kid-1", "realm-secret".getBytes(StandardCharsets.UTF_8));
    private static final ServerKey.Ring RING = ServerKey.Ring.fixed(KEY);
    private static final String JOB = "{\"address\":\"taro@example.jp\",\"link\":\"https://id.example.jp/x?key=S3cr3tKey\"}";
    private static final String AAD = MailPayloadCipher.aad("row-1", "realm-1", "lookup-link");

    @Test
    void aStoredJobShowsNeitherItsAddressNorItsLinkAndReadsBackWithTheKey() {
        String stored = MailPayloadCipher.encrypt(KEY, AAD, JOB.getBytes(StandardCharsets.UTF_8));
        assertTrue(stored.startsWith("kid-1:"), "the key id is stored for a later key rotation");
        assertFalse(stored.contains("taro"), stored);
        assertFalse(stored.contains("S3cr3tKey"), stored);
        assertFalse(new String(Base64.getDecoder().decode(stored.substring(6)), StandardCharsets.ISO_8859_1).contains("S3cr3tKey"));
        assertEquals(JOB, new String(MailPayloadCipher.decrypt(RING, AAD, stored).orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void theSameJobEncryptsDifferentlyEachTime() {
        byte[] plain = JOB.getBytes(StandardCharsets.UTF_8);
        assertNotEquals(MailPayloadCipher.encrypt(KEY, AAD, plain), MailPayloadCipher.encrypt(KEY, AAD, plain));
    }

    @Test
    void aPayloadMovedToAnotherRowOrAlteredOrWithoutItsKeyIsNotRead() {
        String stored = MailPayloadCipher.encrypt(KEY, AAD, JOB.getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), MailPayloadCipher.decrypt(RING, MailPayloadCipher.aad("row-2", "realm-1", "lookup-link"), stored));
        assertEquals(Optional.empty(), MailPayloadCipher.decrypt(RING, MailPayloadCipher.aad("row-1", "realm-2", "lookup-link"), stored));
        assertEquals(Optional.empty(), MailPayloadCipher.decrypt(RING, MailPayloadCipher.aad("row-1", "realm-1", "household-notice"), stored));

        byte[] raw = Base64.getDecoder().decode(stored.substring(6));
        raw[raw.length - 1] ^= 1;
        assertEquals(Optional.empty(), MailPayloadCipher.decrypt(RING, AAD, "kid-1:" + Base64.getEncoder().encodeToString(raw)));

        ServerKey other = ServerKey.derive("kid-2", "another-realm-secret".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), MailPayloadCipher.decrypt(ServerKey.Ring.fixed(other), AAD, stored), "rotated away");
        assertEquals(Optional.empty(), MailPayloadCipher.decrypt(RING, AAD, null));
        assertEquals(Optional.empty(), MailPayloadCipher.decrypt(RING, AAD, "kid-1:not base64!"));
        assertEquals(Optional.empty(), MailPayloadCipher.decrypt(RING, AAD, "kid-1:AAAA"));
    }

    @Test
    void aKeyFromAnotherRealmDoesNotReadIt() {
        ServerKey sameIdOtherSecret = ServerKey.derive("kid-1", "other-secret".getBytes(StandardCharsets.UTF_8));
        String stored = MailPayloadCipher.encrypt(KEY, AAD, JOB.getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), MailPayloadCipher.decrypt(ServerKey.Ring.fixed(sameIdOtherSecret), AAD, stored));
        assertArrayEquals(JOB.getBytes(StandardCharsets.UTF_8), MailPayloadCipher.decrypt(RING, AAD, stored).orElseThrow());
    }
}
