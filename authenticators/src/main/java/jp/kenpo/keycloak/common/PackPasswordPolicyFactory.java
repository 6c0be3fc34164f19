package jp.kenpo.keycloak.common;

import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

/** A password policy of the pack without settings, listed in the admin console's password policy menu. */
public abstract class PackPasswordPolicyFactory extends PackFactory<PasswordPolicyProvider> implements PasswordPolicyProviderFactory {

    private final PasswordPolicyProvider policy;
    private final String displayName;

    protected PackPasswordPolicyFactory(String id, PasswordPolicyProvider policy, String displayName) {
        super(id);
        this.policy = policy;
        this.displayName = displayName;
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return policy;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public String getConfigType() {
        return null;
    }

    @Override
    public String getDefaultConfigValue() {
        return null;
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
    }
}
