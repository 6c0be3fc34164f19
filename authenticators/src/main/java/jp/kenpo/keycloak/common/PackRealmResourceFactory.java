package jp.kenpo.keycloak.common;

import java.util.function.Function;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** A page of the pack under {@code /realms/<realm>/<id>} (the targets of links in its mails). */
public abstract class PackRealmResourceFactory implements RealmResourceProviderFactory {

    private final String id;
    private final Function<KeycloakSession, RealmResourceProvider> create;

    protected PackRealmResourceFactory(String id, Function<KeycloakSession, RealmResourceProvider> create) {
        this.id = id;
        this.create = create;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return create.apply(session);
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
