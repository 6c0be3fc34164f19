package jp.kenpo.keycloak.common;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** An admin REST resource of the pack under {@code /admin/realms/<realm>/<id>}; each method checks the admin's rights. */
public abstract class PackAdminResourceFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

    /** Builds the resource for one request; {@code adminEvent} records what an admin changed (Keycloak's admin events). */
    @FunctionalInterface
    protected interface Resource {
        Object create(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent);
    }

    private final String id;
    private final Resource resource;

    protected PackAdminResourceFactory(String id, Resource resource) {
        this.id = id;
        this.resource = resource;
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return resource.create(session, realm, auth, adminEvent);
    }

    @Override
    public String getId() {
        return id;
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
