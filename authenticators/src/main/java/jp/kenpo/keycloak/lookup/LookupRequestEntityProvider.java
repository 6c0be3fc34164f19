package jp.kenpo.keycloak.lookup;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Registers the lookup-request table with Keycloak's database (entity and its own Liquibase changelog). */
public class LookupRequestEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(LookupRequestEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/kenpo-lookup-request-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return LookupRequestEntityProviderFactory.ID;
    }

    @Override
    public void close() {
    }
}
