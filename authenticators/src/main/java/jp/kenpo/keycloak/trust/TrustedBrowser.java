package jp.kenpo.keycloak.trust;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.Secrets;
import jp.kenpo.keycloak.common.ServerKey;
import jp.kenpo.keycloak.member.MemberAttributes;
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
 * days the union set. The trust is a signed, HttpOnly, Secure cookie ({@link TrustToken}) bound to the
 * realm, the member, the member's current password credential and the member's revocation counter
 * ({@link MemberAttributes#TRUSTED_BROWSER_GENERATION}); nothing is stored per browser, so every node of a
 * cluster checks it alike and one change on the member ends it on every browser.
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
     * given the password in this attempt. Never for 利用者情報入力's pending accounts. A cookie that does
     * not hold (expired, tampered, revoked, another member's) is removed and ignored.
     */
    public static boolean skipsKey(AuthenticationFlowContext context, TrustedBrowserConfig config) {
        UserModel user = context.getUser();
        if (!config.enabled() || user == null || Registration.isPending(user) || !passwordGiven(context)) {
            return false;
        }
        Optional<String> value = cookie(context.getSession());
        if (value.isEmpty()) {
            return false;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        if (TrustToken.verify(ServerKey.Ring.of(session, realm), value.get(), binding(realm, user), Time.currentTime())) {
            return true;
        }
        context.getEvent().clone().user(user).detail(EventDetails.TRUSTED_BROWSER, "ignored").error("kenpo_trusted_browser_invalid");
        forget(session, realm);
        return false;
    }

    /** Sets the trust cookie on this browser for the member, valid for the union's days. */
    public static void remember(AuthenticationFlowContext context, TrustedBrowserConfig config) {
        UserModel user = context.getUser();
        if (!config.enabled() || user == null || Registration.isPending(user)) {
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        long expiresAt = Time.currentTime() + config.seconds();
        String value = TrustToken.issue(ServerKey.Ring.of(session, realm).active(), binding(realm, user), expiresAt);
        setCookie(session, realm, value, (int) config.seconds());
    }

    /** Ends every trust of the member, on every browser (「信頼したブラウザをすべて解除」, lockout, 仮ログイン). */
    public static void revokeAll(UserModel user) {
        user.setSingleAttribute(MemberAttributes.TRUSTED_BROWSER_GENERATION, Secrets.urlSafeToken(12));
    }

    /** Removes the cookie from this browser. */
    public static void forget(KeycloakSession session, RealmModel realm) {
        setCookie(session, realm, "", 0);
    }

    static TrustToken.Binding binding(RealmModel realm, UserModel user) {
        String generation = user.getFirstAttribute(MemberAttributes.TRUSTED_BROWSER_GENERATION);
        String credentials = user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .findFirst().map(TrustedBrowser::stamp).orElse("");
        return new TrustToken.Binding(realm.getId(), user.getId(), generation, credentials);
    }

    /** The stored password credential as it is now: a new password (or a re-hash) gives a new stamp. */
    private static String stamp(CredentialModel credential) {
        return credential.getId() + "|" + credential.getCreatedDate() + "|" + credential.getSecretData();
    }

    private static boolean passwordGiven(AuthenticationFlowContext context) {
        List<String> given = AuthenticatorUtil.getAuthnCredentials(context.getAuthenticationSession());
        return given != null && given.contains(PasswordCredentialModel.TYPE);
    }

    private static Optional<String> cookie(KeycloakSession session) {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(COOKIE);
        return cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()
                ? Optional.empty() : Optional.of(cookie.getValue());
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
