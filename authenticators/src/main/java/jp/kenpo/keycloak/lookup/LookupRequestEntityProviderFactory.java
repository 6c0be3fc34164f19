package jp.kenpo.keycloak.lookup;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public class LookupRequestEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "kenpo-lookup-request";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new LookupRequestEntityProvider();
    }

    @Override
    public String getId() {
        return ID;
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
