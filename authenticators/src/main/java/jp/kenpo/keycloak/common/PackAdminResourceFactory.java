package jp.kenpo.keycloak.common;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** An admin REST resource of the pack under {@code /admin/realms/<realm>/<id>}; each method checks the admin's rights. */
public abstract class PackAdminResourceFactory extends PackFactory<AdminRealmResourceProvider> implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

    /** Builds the resource for one request; {@code adminEvent} records what an admin changed (Keycloak's admin events). */
    @FunctionalInterface
    protected interface Resource {
        Object create(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent);
    }

    private final Resource resource;

    protected PackAdminResourceFactory(String id, Resource resource) {
        super(id);
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
}
