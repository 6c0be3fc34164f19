package jp.kenpo.keycloak.emailkey;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The key mail rendered once per realm, language and theme, with a placeholder where the key goes; each
 * mail then only puts its key in. Rendering the realm's email theme (two FreeMarker templates and the
 * merged message bundle) was most of the email-key step's server time, and nothing in the stock mail
 * changes from one member to the next but the key (issue 19).
 *
 * <p>A union may customise the template, for example to greet the member by name. So a rendering is kept
 * only when it provably depends on nothing but the key: it is rendered twice, for the member and for a
 * stand-in member whose every value differs, and kept only when both are the same text and the
 * placeholder appears verbatim in every part (a template that reformats the key, say into groups of
 * digits, cannot be filled in afterwards). Otherwise the mail is rendered for every member, as before,
 * and the decision is kept for the same time, so a personal template costs one stand-in render a
 * minute. Entries expire after a minute, so a changed theme or realm text shows within a minute even
 * where the key does not see the change.
 */
final class RenderedOnce {

    /** Stands where the key goes: letters only, so no template escaping (HTML, text) changes it. */
    static final String PLACEHOLDER = "KENPOEMAILKEYPLACEHOLDERQXZ";

    /** A rendered mail: subject, plain text and HTML. */
    record Mail(String subject, String text, String html) {
        Mail withKey(String key) {
            return new Mail(subject.replace(PLACEHOLDER, key), text.replace(PLACEHOLDER, key), html.replace(PLACEHOLDER, key));
        }

        boolean holdsPlaceholderInBodies() {
            return text.contains(PLACEHOLDER) && html.contains(PLACEHOLDER);
        }

        boolean holdsPlaceholderAnywhere() {
            return subject.contains(PLACEHOLDER) || text.contains(PLACEHOLDER) || html.contains(PLACEHOLDER);
        }
    }

    /** Renders the mail with the given key for the member (false) or for the stand-in member (true). */
    interface Renderer<E extends Exception> {
        Mail render(String key, boolean standIn) throws E;
    }

    static final long LIFETIME_MILLIS = 60_000;
    /** Realms × languages × themes × settings: a handful; the bound only guards against a key that keeps changing. */
    private static final int MAX_ENTRIES = 256;

    /** A kept rendering, or null when this key's mail depends on the member. */
    private record Entry(Mail mail, long expiresAt) {
    }

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    RenderedOnce(LongSupplier clock) {
        this.clock = clock;
    }

    /** The mail with {@code key} in it: from the kept rendering for {@code cacheKey}, or rendered for the member. */
    <E extends Exception> Mail mail(Object cacheKey, String key, Renderer<E> renderer) throws E {
        Objects.requireNonNull(key);
        long now = clock.getAsLong();
        Entry entry = entries.get(cacheKey);
        if (entry == null || entry.expiresAt() <= now) {
            entry = new Entry(renderOnce(renderer), now + LIFETIME_MILLIS);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(cacheKey, entry);
        }
        return entry.mail() != null ? entry.mail().withKey(key) : renderer.render(key, false);
    }

    /** The rendering to keep, or null when the mail depends on the member or its key cannot be filled in. */
    private static <E extends Exception> Mail renderOnce(Renderer<E> renderer) throws E {
        Mail forMember = renderer.render(PLACEHOLDER, false);
        if (!forMember.holdsPlaceholderInBodies()) {
            return null;
        }
        Mail forStandIn = renderer.render(PLACEHOLDER, true);
        return forMember.equals(forStandIn) ? forMember : null;
    }

    /** Forgets every kept rendering (tests). */
    void clear() {
        entries.clear();
    }
}
