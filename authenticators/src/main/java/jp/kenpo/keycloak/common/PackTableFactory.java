package jp.kenpo.keycloak.common;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

/** One of the pack's own tables in Keycloak's database: its JPA entity and its Liquibase changelog. */
public abstract class PackTableFactory extends PackFactory<JpaEntityProvider> implements JpaEntityProviderFactory {

    private final Class<?> entity;
    private final String changelog;

    protected PackTableFactory(String id, Class<?> entity, String changelog) {
        super(id);
        this.entity = entity;
        this.changelog = changelog;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return List.of(entity);
            }

            @Override
            public String getChangelogLocation() {
                return changelog;
            }

            @Override
            public String getFactoryId() {
                return getId();
            }

            @Override
            public void close() {
            }
        };
    }
}
