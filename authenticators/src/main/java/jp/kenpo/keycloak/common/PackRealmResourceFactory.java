package jp.kenpo.keycloak.common;

import java.util.function.Function;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** A page of the pack under {@code /realms/<realm>/<id>} (the targets of links in its mails). */
public abstract class PackRealmResourceFactory extends PackFactory<RealmResourceProvider> implements RealmResourceProviderFactory {

    private final Function<KeycloakSession, RealmResourceProvider> create;

    protected PackRealmResourceFactory(String id, Function<KeycloakSession, RealmResourceProvider> create) {
        super(id);
        this.create = create;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return create.apply(session);
    }
}
