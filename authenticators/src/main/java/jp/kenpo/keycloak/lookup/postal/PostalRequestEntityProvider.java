package jp.kenpo.keycloak.lookup.postal;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Registers the postal-request table with Keycloak's database (entity and Liquibase changelog). */
public class PostalRequestEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(PostalRequestEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/kenpo-postal-request-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return PostalRequestEntityProviderFactory.ID;
    }

    @Override
    public void close() {
    }
}
