package jp.kenpo.keycloak.firstlogin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jp.kenpo.keycloak.member.MemberAttributes;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Whether the temporary password of a not-yet-registered account is past its validity: a letter's
 * (member import, letter reissue) after {@code letterPasswordValidityDays}, one shown by
 * ID・パスワードの取得 after {@code lookupPasswordValidityHours}.
 *
 * <p>The issue time is a user attribute ({@link MemberAttributes#LETTER_PASSWORD_ISSUED_AT},
 * {@link MemberAttributes#LOOKUP_PASSWORD_ISSUED_AT}) rather than the credential's created date: union
 * IT sees and can correct it in the admin console, it says which validity applies, and it survives
 * Keycloak re-hashing the password at the first successful login. When both are set, the later one
 * issued the current password. An account with neither (created through the admin REST API, or
 * before this rule) falls back to its password credential's created date, as a letter's.
 */
public final class TemporaryPasswordExpiry {

    public enum Kind { LETTER, LOOKUP }

    /** The temporary password's kind, and whether it is past its validity. */
    public record Verdict(Kind kind, boolean expired) {
    }

    private final Clock clock;

    public TemporaryPasswordExpiry(Clock clock) {
        this.clock = clock;
    }

    /** Checks a pending account's password. */
    public Verdict check(UserModel user, MemberRegistrationConfig config) {
        Long created = user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .map(c -> c.getCreatedDate())
                .filter(d -> d != null)
                .findFirst().orElse(null);
        return check(user.getFirstAttribute(MemberAttributes.LETTER_PASSWORD_ISSUED_AT),
                user.getFirstAttribute(MemberAttributes.LOOKUP_PASSWORD_ISSUED_AT),
                created == null ? null : Instant.ofEpochMilli(created), config);
    }

    /** The rule itself: attribute values as stored (null or unreadable = absent) and the credential's created date. */
    public Verdict check(String letterIssuedAt, String lookupIssuedAt, Instant credentialCreated, MemberRegistrationConfig config) {
        Optional<Instant> letter = parse(letterIssuedAt);
        Optional<Instant> lookup = parse(lookupIssuedAt);
        Kind kind;
        Instant issued;
        if (lookup.isPresent() && (letter.isEmpty() || lookup.get().isAfter(letter.get()))) {
            kind = Kind.LOOKUP;
            issued = lookup.get();
        } else if (letter.isPresent()) {
            kind = Kind.LETTER;
            issued = letter.get();
        } else {
            kind = Kind.LETTER;
            issued = credentialCreated;
        }
        if (issued == null) {
            return new Verdict(kind, false);
        }
        Duration validity = kind == Kind.LOOKUP ? Duration.ofHours(config.lookupPasswordValidityHours())
                : Duration.ofDays(config.letterPasswordValidityDays());
        return new Verdict(kind, !clock.instant().isBefore(issued.plus(validity)));
    }

    private static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
