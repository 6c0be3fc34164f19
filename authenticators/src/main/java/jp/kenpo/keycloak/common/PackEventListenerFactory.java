package jp.kenpo.keycloak.common;

import java.util.function.Function;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** An event listener of the pack; an admin adds its id to the realm's event listeners (Realm settings → Events). */
public abstract class PackEventListenerFactory implements EventListenerProviderFactory {

    private final String id;
    private final Function<KeycloakSession, EventListenerProvider> create;

    protected PackEventListenerFactory(String id, Function<KeycloakSession, EventListenerProvider> create) {
        this.id = id;
        this.create = create;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
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
