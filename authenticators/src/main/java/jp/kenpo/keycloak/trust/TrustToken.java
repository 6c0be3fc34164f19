package jp.kenpo.keycloak.trust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jp.kenpo.keycloak.common.ServerKey;

/**
 * One entry of the trusted-browser cookie ({@link TrustCookie}): {@code v2.<expiry>.<key id>.<who>.<proof>.<seal>}.
 * All three MACs are HMAC-SHA512 (truncated) with the realm's server-side key:
 * <ul>
 * <li>{@code seal} covers everything before it, so an altered, made-up or expired entry is recognised and
 * dropped whoever logs in;</li>
 * <li>{@code who} covers realm, member and expiry: only the server can tell whose entry it is, and two
 * entries of one member (two browsers, or one browser twice) do not look alike;</li>
 * <li>{@code proof} covers what the trust is bound to: the member ({@link Member}, with the current
 * password) and the member's trusted-browser credential (id and secret: deleting it ends every trust of the
 * member, on every browser).</li>
 * </ul>
 * An entry names nobody and carries no secret of the member; it is only checked against the member the
 * login ID and password already identified.
 */
final class TrustToken {

    private static final String VERSION = "v2";
    private static final String SEAL = "trusted-browser-entry";
    private static final String WHO = "trusted-browser-member";
    private static final String PROOF = "trusted-browser";
    /** Longer than any entry this class issues (about 180 characters); anything longer is not read. */
    static final int MAX_LENGTH = 400;

    /**
     * The member a trust is for.
     *
     * @param realmId     the realm
     * @param userId      the member
     * @param credentials a stamp of the member's current password credential (changes with every new password)
     */
    record Member(String realmId, String userId, String credentials) {
    }

    /** What an entry is for the member who logs in. */
    enum Verdict {
        /** Not a valid entry of this realm at all (altered, made up, expired, its key gone): drop it. */
        INVALID,
        /** A valid entry of someone else: keep it. */
        OTHER,
        /** This member's entry, but no longer holding (trust deleted, new password): drop it. */
        REVOKED,
        /** This member's entry, holding: the browser is trusted. */
        VALID
    }

    private TrustToken() {
    }

    /**
     * An entry for the member, bound to {@code trust}: the id and secret of the member's trusted-browser
     * credential ({@link TrustedBrowserCredentialProvider}), valid until {@code expiresAtSeconds}.
     */
    static String issue(ServerKey key, Member member, String trust, long expiresAtSeconds) {
        String body = VERSION + "." + expiresAtSeconds + "." + encode(bytes(key.id())) + "." + who(key, member, expiresAtSeconds)
                + "." + proof(key, member, trust, expiresAtSeconds);
        return body + "." + seal(key, body);
    }

    /**
     * What {@code value} is for {@code member}, whose trusted-browser credentials are {@code trusts} (id and
     * secret of each; normally one, none once deleted).
     */
    static Verdict verify(ServerKey.Ring keys, String value, Member member, List<String> trusts, long nowSeconds) {
        Optional<Parsed> parsed = parse(keys, value, nowSeconds);
        if (parsed.isEmpty()) {
            return Verdict.INVALID;
        }
        Parsed entry = parsed.get();
        if (!equal(who(entry.key(), member, entry.expiresAt()), entry.who())) {
            return Verdict.OTHER;
        }
        for (String trust : trusts) {
            if (equal(proof(entry.key(), member, trust, entry.expiresAt()), entry.proof())) {
                return Verdict.VALID;
            }
        }
        return Verdict.REVOKED;
    }

    /** The expiry (epoch seconds) written in a well-formed entry, unchecked; empty for anything else. */
    static OptionalLong expiry(String value) {
        String[] parts = value == null ? new String[0] : value.split("\\.", -1);
        if (parts.length != 6 || !VERSION.equals(parts[0])) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private record Parsed(ServerKey key, long expiresAt, String who, String proof) {
    }

    private static Optional<Parsed> parse(ServerKey.Ring keys, String value, long nowSeconds) {
        if (value == null || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        OptionalLong expiresAt = expiry(value);
        if (expiresAt.isEmpty() || expiresAt.getAsLong() <= nowSeconds) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        Optional<ServerKey> key = decode(parts[2]).map(b -> new String(b, StandardCharsets.UTF_8)).flatMap(keys::byId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String body = value.substring(0, value.lastIndexOf('.'));
        if (!equal(seal(key.get(), body), parts[5])) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(key.get(), expiresAt.getAsLong(), parts[3], parts[4]));
    }

    private static String who(ServerKey key, Member member, long expiresAt) {
        return mac(key, WHO, 16, bytes(member.realmId()), bytes(member.userId()), bytes(Long.toString(expiresAt)));
    }

    private static String proof(ServerKey key, Member member, String trust, long expiresAt) {
        return mac(key, PROOF, 32, bytes(member.realmId()), bytes(member.userId()), bytes(trust),
                bytes(member.credentials()), bytes(Long.toString(expiresAt)));
    }

    private static String seal(ServerKey key, String body) {
        return mac(key, SEAL, 32, bytes(body));
    }

    private static String mac(ServerKey key, String purpose, int length, byte[]... parts) {
        return encode(Arrays.copyOf(key.mac(purpose, parts), length));
    }

    private static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] bytes(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(byte[] value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static Optional<byte[]> decode(String encoded) {
        try {
            return Optional.of(Base64.getUrlDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
