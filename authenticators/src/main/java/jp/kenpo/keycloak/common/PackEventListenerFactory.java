package jp.kenpo.keycloak.common;

import java.util.function.Function;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;

/** An event listener of the pack; an admin adds its id to the realm's event listeners (Realm settings → Events). */
public abstract class PackEventListenerFactory extends PackFactory<EventListenerProvider> implements EventListenerProviderFactory {

    private final Function<KeycloakSession, EventListenerProvider> create;

    protected PackEventListenerFactory(String id, Function<KeycloakSession, EventListenerProvider> create) {
        super(id);
        this.create = create;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return create.apply(session);
    }
}
