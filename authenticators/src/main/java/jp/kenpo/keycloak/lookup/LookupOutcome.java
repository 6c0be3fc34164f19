package jp.kenpo.keycloak.lookup;

import java.util.Optional;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What a lookup found, kept server side in the authentication session between the member's data and
 * the receiving address: the kind and, when a member matched, the account.
 */
record LookupOutcome(MemberLookup.Kind kind, String userId) {

    private static final String NOTE = "kenpo.lookup.outcome";

    static LookupOutcome of(MemberLookup.Result result) {
        return new LookupOutcome(result.kind(), result.user() == null ? null : result.user().getId());
    }

    void keep(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(NOTE, userId == null ? kind.name() : kind.name() + ":" + userId);
    }

    /** The kept outcome, removed so that it serves one mail only. */
    static Optional<LookupOutcome> take(AuthenticationSessionModel authSession) {
        String note = authSession.getAuthNote(NOTE);
        if (note == null) {
            return Optional.empty();
        }
        authSession.removeAuthNote(NOTE);
        String[] parts = note.split(":", 2);
        try {
            return Optional.of(new LookupOutcome(MemberLookup.Kind.valueOf(parts[0]), parts.length == 2 ? parts[1] : null));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean isKept(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(NOTE) != null;
    }
}
