package jp.kenpo.keycloak.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers that carry secrets or personal data are never kept by browsers or proxies (ASVS 14.3.2):
 * the pages of mail links, and the admin endpoints' JSON.
 */
public final class NoStore {

    private NoStore() {
    }

    /** A page reached from a mail link: not stored, and its URL (with the link's key) not sent on as a referrer. */
    public static Response page(Response response) {
        return Response.fromResponse(response)
                .header("Cache-Control", "no-store, no-cache, must-revalidate")
                .header("Pragma", "no-cache")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /** A JSON answer of an admin endpoint, with that status. */
    public static Response json(Response.Status status, Object entity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).header("Cache-Control", "no-store").build();
    }

    public static Response json(Object entity) {
        return json(Response.Status.OK, entity);
    }
}
