package jp.kenpo.keycloak.testing;

/** One {@link KeycloakServer} for the whole test JVM, handed to test classes as a parameter. */
public final class KeycloakServerExtension extends OnePerRunExtension<KeycloakServer> {

    public KeycloakServerExtension() {
        super(KeycloakServer.class, KeycloakServer::start, "Keycloak");
    }
}
