package jp.kenpo.keycloak.trust;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers {@link TrustedBrowserCredentialProvider} (credential type {@value TrustedBrowserCredentialProvider#TYPE}). */
public class TrustedBrowserCredentialProviderFactory implements CredentialProviderFactory<TrustedBrowserCredentialProvider> {

    public static final String ID = TrustedBrowserCredentialProvider.TYPE;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public CredentialProvider create(KeycloakSession session) {
        return new TrustedBrowserCredentialProvider(session);
    }
}
