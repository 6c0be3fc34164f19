package jp.kenpo.keycloak.lookup;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

public class LookupCredentialsResourceFactory implements RealmResourceProviderFactory {

    @Override
    public String getId() {
        return LookupCredentialsResource.PATH;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new LookupCredentialsResource(session);
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
