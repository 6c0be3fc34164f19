package jp.kenpo.keycloak.trust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import jp.kenpo.keycloak.common.ServerKey;

/**
 * The value of the trusted-browser cookie: {@code v1.<expiry>.<key id>.<mac>}, where the MAC (HMAC-SHA512
 * with the realm's server-side key) covers the expiry and everything the trust is bound to ({@link Binding}).
 * The cookie names nobody and carries no secret of the member; it is only checked against the member the
 * login ID and password already identified. A change of any bound value makes every issued cookie fail at
 * once, on every browser, with nothing stored per browser.
 */
final class TrustToken {

    private static final String VERSION = "v1";
    private static final String PURPOSE = "trusted-browser";

    /**
     * What a trust is bound to.
     *
     * @param realmId     the realm
     * @param userId      the member
     * @param generation  the member's revocation counter (「信頼したブラウザをすべて解除」, lockouts, 仮ログイン)
     * @param credentials a stamp of the member's current password credential (changes with every new password)
     */
    record Binding(String realmId, String userId, String generation, String credentials) {
    }

    private TrustToken() {
    }

    static String issue(ServerKey key, Binding binding, long expiresAtSeconds) {
        return VERSION + "." + expiresAtSeconds + "." + encode(key.id()) + "." + mac(key, binding, expiresAtSeconds);
    }

    /** True when the value was issued by this realm for this binding and has not expired; false for anything else. */
    static boolean verify(ServerKey.Ring keys, String value, Binding binding, long nowSeconds) {
        if (value == null || value.length() > 512) {
            return false;
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return false;
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (expiresAt <= nowSeconds) {
            return false;
        }
        Optional<ServerKey> key = decode(parts[2]).flatMap(keys::byId);
        return key.isPresent() && MessageDigest.isEqual(
                mac(key.get(), binding, expiresAt).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII));
    }

    private static String mac(ServerKey key, Binding binding, long expiresAt) {
        byte[] mac = key.mac(PURPOSE, bytes(binding.realmId()), bytes(binding.userId()), bytes(binding.generation()),
                bytes(binding.credentials()), bytes(Long.toString(expiresAt)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private static byte[] bytes(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String keyId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(keyId));
    }

    private static Optional<String> decode(String encoded) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
