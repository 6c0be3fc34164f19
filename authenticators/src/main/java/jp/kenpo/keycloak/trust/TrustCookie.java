package jp.kenpo.keycloak.trust;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The value of the trusted-browser cookie: the trusts of up to {@value #MAX_ENTRIES} members who share the
 * browser (a family PC), most recent first, each an opaque {@link TrustToken} entry that is verified on its
 * own, separated by {@code ~} (a cookie-safe character no entry contains). Nothing in it says who the members
 * are; an entry that does not hold is dropped without touching the others. Pure list handling: what an entry
 * is decides the caller.
 */
record TrustCookie(List<String> entries) {

    /** How many members one browser remembers; the oldest trust gives way to a new one. */
    static final int MAX_ENTRIES = 5;
    static final String SEPARATOR = "~";

    TrustCookie {
        entries = List.copyOf(entries);
    }

    static final TrustCookie EMPTY = new TrustCookie(List.of());

    /**
     * Reads a cookie value: at most {@value #MAX_ENTRIES} entries are looked at (a longer list is someone
     * else's making); empty and over-long parts are left out.
     */
    static TrustCookie parse(String value) {
        if (value == null || value.isEmpty()) {
            return EMPTY;
        }
        return new TrustCookie(Arrays.stream(value.split(SEPARATOR, MAX_ENTRIES * 4))
                .filter(entry -> !entry.isEmpty() && entry.length() <= TrustToken.MAX_LENGTH && !entry.contains(SEPARATOR))
                .limit(MAX_ENTRIES)
                .toList());
    }

    /** The entries {@code keep} accepts, in their order. */
    TrustCookie retain(Predicate<String> keep) {
        return new TrustCookie(entries.stream().filter(keep).toList());
    }

    /** {@code entry} first (the most recent), then the others, the oldest beyond {@value #MAX_ENTRIES} left out. */
    TrustCookie withFirst(String entry) {
        List<String> next = new ArrayList<>(MAX_ENTRIES);
        next.add(entry);
        entries.stream().filter(e -> !e.equals(entry)).limit(MAX_ENTRIES - 1L).forEach(next::add);
        return new TrustCookie(next);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The latest expiry of the entries (the cookie must live that long), empty when none has one. */
    OptionalLong latestExpiry() {
        return entries.stream().map(TrustToken::expiry).filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max();
    }

    String value() {
        return String.join(SEPARATOR, entries);
    }
}
