package jp.kenpo.keycloak.common;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** One of the pack's own tables in Keycloak's database: its JPA entity and its Liquibase changelog. */
public abstract class PackTableFactory implements JpaEntityProviderFactory {

    private final String id;
    private final Class<?> entity;
    private final String changelog;

    protected PackTableFactory(String id, Class<?> entity, String changelog) {
        this.id = id;
        this.entity = entity;
        this.changelog = changelog;
    }

    @Override
    public String getId() {
        return id;
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
                return id;
            }

            @Override
            public void close() {
            }
        };
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
