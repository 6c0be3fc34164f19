package jp.kenpo.keycloak.trust;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.ServerKey;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * このブラウザを信頼する: a browser the member chose to trust skips the 暗証キー (never the password) for the
 * days the union set. The trust is an entry in a signed, HttpOnly, Secure cookie ({@link TrustCookie}: up to
 * {@value TrustCookie#MAX_ENTRIES} members of a shared PC, each entry verified on its own, {@link TrustToken})
 * bound to the realm, the member, the member's current password credential and the member's trusted-browser
 * credential ({@link TrustedBrowserCredentialProvider}); nothing is stored per browser, so every node of a
 * cluster checks it alike, and deleting that one credential ends the trust on every browser.
 */
public final class TrustedBrowser {

    /** The cookie (per realm path); its value is never logged. */
    public static final String COOKIE = "KENPO_TRUSTED_BROWSER";
    /** The form field of the 暗証キー screen's check box. */
    public static final String FIELD = "trustBrowser";

    private TrustedBrowser() {
    }

    /**
     * True when this browser carries a valid trust for the attempt's member and the member has already
     * given the password in this attempt. Never for 利用者情報入力's pending accounts. Entries that do not
     * hold (expired, altered, made up, this member's revoked one) are removed; other members' entries stay.
     */
    public static boolean skipsKey(AuthenticationFlowContext context, TrustedBrowserConfig config) {
        UserModel user = context.getUser();
        if (!config.enabled() || user == null || Registration.isPending(user) || !passwordGiven(context)) {
            return false;
        }
        TrustCookie cookie = TrustCookie.parse(cookie(context.getSession()));
        if (cookie.isEmpty()) {
            return false;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        ServerKey.Ring keys = ServerKey.Ring.of(session, realm);
        TrustToken.Member member = member(realm, user);
        List<String> trusts = TrustedBrowserCredentialProvider.trusts(user);
        long now = Time.currentTime();
        boolean valid = false;
        List<String> kept = new ArrayList<>();
        for (String entry : cookie.entries()) {
            TrustToken.Verdict verdict = TrustToken.verify(keys, entry, member, trusts, now);
            valid |= verdict == TrustToken.Verdict.VALID;
            if (verdict == TrustToken.Verdict.VALID || verdict == TrustToken.Verdict.OTHER) {
                kept.add(entry);
            }
        }
        if (kept.size() < cookie.entries().size()) {
            store(session, realm, new TrustCookie(kept), now);
            if (!valid) {
                context.getEvent().clone().user(user).detail(EventDetails.TRUSTED_BROWSER, "ignored").error("kenpo_trusted_browser_invalid");
            }
        }
        return valid;
    }

    /**
     * Adds the member's trust to this browser, valid for the union's days, as the most recent entry; the
     * member's own older entry and entries that no longer hold give way, other members' entries stay (the
     * oldest beyond {@value TrustCookie#MAX_ENTRIES} is dropped). Creates the member's trusted-browser
     * credential on the first trust.
     */
    public static void remember(AuthenticationFlowContext context, TrustedBrowserConfig config) {
        UserModel user = context.getUser();
        if (!config.enabled() || user == null || Registration.isPending(user)) {
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        ServerKey.Ring keys = ServerKey.Ring.of(session, realm);
        TrustToken.Member member = member(realm, user);
        String trust = TrustedBrowserCredentialProvider.ensure(session, realm, user);
        long now = Time.currentTime();
        String entry = TrustToken.issue(keys.active(), member, trust, now + config.seconds());
        TrustCookie others = TrustCookie.parse(cookie(session))
                .retain(e -> TrustToken.verify(keys, e, member, List.of(), now) == TrustToken.Verdict.OTHER);
        store(session, realm, others.withFirst(entry), now);
    }

    /** Ends every trust of the member, on every browser (「信頼したブラウザをすべて解除」, a new password, lockout, 仮ログイン). */
    public static boolean revokeAll(UserModel user) {
        return TrustedBrowserCredentialProvider.revokeAll(user);
    }

    /** Removes the member's entries from this browser's cookie; other members' trusts stay. */
    public static void forget(KeycloakSession session, RealmModel realm, UserModel user) {
        TrustCookie cookie = TrustCookie.parse(cookie(session));
        if (cookie.isEmpty()) {
            return;
        }
        ServerKey.Ring keys = ServerKey.Ring.of(session, realm);
        TrustToken.Member member = member(realm, user);
        long now = Time.currentTime();
        store(session, realm, cookie.retain(e -> TrustToken.verify(keys, e, member, List.of(), now) == TrustToken.Verdict.OTHER), now);
    }

    static TrustToken.Member member(RealmModel realm, UserModel user) {
        String credentials = user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .findFirst().map(TrustedBrowser::stamp).orElse("");
        return new TrustToken.Member(realm.getId(), user.getId(), credentials);
    }

    /** The stored password credential as it is now: a new password (or a re-hash) gives a new stamp. */
    private static String stamp(CredentialModel credential) {
        return credential.getId() + "|" + credential.getCreatedDate() + "|" + credential.getSecretData();
    }

    private static boolean passwordGiven(AuthenticationFlowContext context) {
        List<String> given = AuthenticatorUtil.getAuthnCredentials(context.getAuthenticationSession());
        return given != null && given.contains(PasswordCredentialModel.TYPE);
    }

    private static String cookie(KeycloakSession session) {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /** Writes the cookie to live as long as its longest entry, or removes it when nothing is left. */
    private static void store(KeycloakSession session, RealmModel realm, TrustCookie cookie, long now) {
        long maxAge = cookie.latestExpiry().orElse(now) - now;
        if (cookie.isEmpty() || maxAge <= 0) {
            setCookie(session, realm, "", 0);
        } else {
            setCookie(session, realm, cookie.value(), (int) Math.min(maxAge, Integer.MAX_VALUE));
        }
    }

    private static void setCookie(KeycloakSession session, RealmModel realm, String value, int maxAge) {
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(value)
                .path("/realms/" + realm.getName() + "/")
                .maxAge(maxAge)
                .secure(true)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        session.getContext().getHttpResponse().setCookieIfAbsent(cookie);
    }
}
