package jp.kenpo.keycloak.common;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * What every factory of the pack shares: its id, and nothing to set up or tear down unless a feature says so (it
 * overrides {@link #init}, {@link #postInit} or {@link #close}).
 */
public abstract class PackFactory<P extends Provider> implements ProviderFactory<P> {

    private final String id;

    protected PackFactory(String id) {
        this.id = id;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
