package jp.kenpo.keycloak.common;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The pack's admin REST resources for one request ({@link PackAdminResourceFactory}): the realm, the admin's rights
 * ({@code auth}, checked by every method) and Keycloak's admin events for what an admin changes.
 */
public abstract class PackAdminResource {

    protected final KeycloakSession session;
    protected final RealmModel realm;
    protected final AdminPermissionEvaluator auth;
    protected final AdminEventBuilder adminEvent;

    protected PackAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** A list's {@code first} query parameter, never negative. */
    protected static int first(int first) {
        return Math.max(0, first);
    }

    /** A list's {@code max} query parameter, between 1 and {@code limit}. */
    protected static int max(int max, int limit) {
        return Math.max(1, Math.min(limit, max));
    }
}
