package jp.kenpo.keycloak.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The server-side secret that keys the pack's hashes (stored one-time secrets, throttle keys): the realm's
 * HMAC key (provider {@code hmac-generated-hs512}, which Keycloak creates in every realm and keeps in the
 * database, so every node of a cluster has the same). The pack derives its own key from it, so nothing it
 * computes can be mistaken for a token signature. Without the realm key, a stolen hash (an address, an IP,
 * a 10-digit key) cannot be brute-forced offline.
 *
 * @param id the realm key's {@code kid}, stored beside a hash so it can be checked after a key rotation
 */
public record ServerKey(String id, byte[] derived) {

    private static final String MAC = "HmacSHA512";
    private static final byte[] DERIVATION = "kenpo-keycloak-pack/v1".getBytes(StandardCharsets.UTF_8);

    /** Where keys come from: the realm in production, a fixed key in unit tests. */
    public interface Ring {
        ServerKey active();

        Optional<ServerKey> byId(String id);

        /** The realm's keys. */
        static Ring of(KeycloakSession session, RealmModel realm) {
            return new Ring() {
                @Override
                public ServerKey active() {
                    KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
                    if (key == null || key.getSecretKey() == null) {
                        throw new IllegalStateException("Realm " + realm.getName() + " has no active HS512 key: add the key"
                                + " provider hmac-generated-hs512 (Realm settings → Keys → Providers)");
                    }
                    return fromRealmKey(key);
                }

                @Override
                public Optional<ServerKey> byId(String id) {
                    KeyWrapper key = session.keys().getKey(realm, id, KeyUse.SIG, Algorithm.HS512);
                    return key == null || key.getSecretKey() == null ? Optional.empty() : Optional.of(fromRealmKey(key));
                }
            };
        }

        /** One fixed key (unit tests). */
        static Ring fixed(ServerKey key) {
            return new Ring() {
                @Override
                public ServerKey active() {
                    return key;
                }

                @Override
                public Optional<ServerKey> byId(String id) {
                    return key.id().equals(id) ? Optional.of(key) : Optional.empty();
                }
            };
        }
    }

    /** The pack's key derived from a realm HMAC key (or any secret bytes, in tests). */
    public static ServerKey derive(String id, byte[] secret) {
        return new ServerKey(id, mac(secret, DERIVATION));
    }

    private static ServerKey fromRealmKey(KeyWrapper key) {
        return derive(key.getKid(), key.getSecretKey().getEncoded());
    }

    /** HMAC-SHA512 over {@code purpose}, a zero byte and each part (each part length-prefixed). */
    public byte[] mac(String purpose, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(derived, MAC));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            for (byte[] part : parts) {
                mac.update(new byte[] {(byte) (part.length >>> 24), (byte) (part.length >>> 16), (byte) (part.length >>> 8), (byte) part.length});
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is required by every Java platform", e);
        }
    }

    /** A keyed, deterministic hex digest of {@code value}: for finding something by a value without storing it. */
    public String digest(String purpose, String value) {
        return HexFormat.of().formatHex(mac(purpose, value.getBytes(StandardCharsets.UTF_8)), 0, 32);
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key, MAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "ServerKey[" + id + "]";
    }
}
