package jp.kenpo.keycloak.trust;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jp.kenpo.keycloak.common.Secrets;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * 信頼したブラウザ as a credential of the member: at most one per member, created when the member first
 * trusts a browser. Its secret (a random value, never shown) is bound into every trust entry of the member
 * ({@link TrustToken}), so deleting the credential ends the trust on every browser at once: the member does
 * it in プロフィール設定 (ログイン設定 lists it with a 削除 button, Keycloak's {@code delete_credential}
 * action), an admin in the user's Credentials tab, and the pack on 「信頼したブラウザをすべて解除」, a new
 * password, 仮ログイン and a lockout ({@link TrustRevocationListener}).
 *
 * <p>The account console lists a credential type only when an authenticator of an enabled flow refers to
 * it: the email-key step does ({@code getOptionalReferenceCategories}), since its screen offers the trust.
 * With no create action, a member who never trusted a browser does not see the type at all.
 */
public class TrustedBrowserCredentialProvider implements CredentialProvider<CredentialModel> {

    /** The credential type (the one owner of the name). */
    public static final String TYPE = "kenpo-trusted-browser";
    /** Message keys (the pack's bundles): the console's title and help, and the credential's label. */
    static final String DISPLAY_NAME = "kenpoTrustedBrowserDisplayName";
    static final String HELP_TEXT = "kenpoTrustedBrowserHelpText";
    static final String LABEL = "kenpoTrustedBrowserLabel";

    private final KeycloakSession session;

    public TrustedBrowserCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    /** The member's trusted-browser credentials as bound into entries ({@code id|secret}); normally one, none after a revocation. */
    static List<String> trusts(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE)
                .map(credential -> credential.getId() + "|" + credential.getSecretData())
                .toList();
    }

    /** The member's trust credential ({@code id|secret}), created on the member's first trust. */
    static String ensure(KeycloakSession session, RealmModel realm, UserModel user) {
        List<String> trusts = trusts(user);
        if (!trusts.isEmpty()) {
            return trusts.get(0);
        }
        CredentialModel credential = new CredentialModel();
        credential.setType(TYPE);
        credential.setCreatedDate(Time.currentTimeMillis());
        credential.setUserLabel(label(session, realm, user));
        credential.setSecretData("{\"value\":\"" + Secrets.urlSafeToken(24) + "\"}");
        credential.setCredentialData("{}");
        CredentialModel created = user.credentialManager().createStoredCredential(credential);
        return created.getId() + "|" + created.getSecretData();
    }

    /** Deletes the member's trust credential: every trusted browser of the member asks for the 暗証キー again. */
    static boolean revokeAll(UserModel user) {
        List<String> ids = user.credentialManager().getStoredCredentialsByTypeStream(TYPE).map(CredentialModel::getId).toList();
        ids.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        return !ids.isEmpty();
    }

    /**
     * The label the console and Keycloak's delete confirmation show, in the member's language when it is
     * created: the console translates only message keys, the confirmation screen only {@code ${…}}, so a text
     * works in both.
     */
    private static String label(KeycloakSession session, RealmModel realm, UserModel user) {
        try {
            Locale locale = session.getContext().resolveLocale(user);
            return session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale).getProperty(LABEL, LABEL);
        } catch (IOException | RuntimeException e) {
            return LABEL;
        }
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, CredentialModel credential) {
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public CredentialModel getCredentialFromModel(CredentialModel model) {
        return model;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder()
                .type(TYPE)
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName(DISPLAY_NAME)
                .helpText(HELP_TEXT)
                .iconCssClass("kcAuthenticatorDefaultClass")
                .removeable(true)
                .build(session);
    }
}
