# The pack on Keycloak in production mode with PostgreSQL, health and metrics (management port 9000).
#   mvn -B -DskipTests package          (writes authenticators/target/kenpo-keycloak-pack.jar)
#   docker build -t kenpo-keycloak .    (or: docker compose up --build, see docker-compose.yml)
# The build fails when the jar is missing: COPY of a missing file is an error, no empty folder is made.
# KEYCLOAK_VERSION must equal the parent pom's keycloak.server.version (ComposeFilesTest checks it).
ARG KEYCLOAK_VERSION=26.7.3

FROM quay.io/keycloak/keycloak:${KEYCLOAK_VERSION} AS builder
COPY --chown=1000:0 authenticators/target/kenpo-keycloak-pack.jar /opt/keycloak/providers/kenpo-keycloak-pack.jar
# Build-time options: baked into the optimized server, so the runtime start needs no re-augmentation.
RUN /opt/keycloak/bin/kc.sh build --db=postgres --health-enabled=true --metrics-enabled=true

FROM quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}
COPY --from=builder /opt/keycloak/ /opt/keycloak/
# The production realm only (no demo members); imported at the first start, skipped once the realm exists.
COPY --chown=1000:0 realm-export/kenpo-realm.json /opt/keycloak/data/import/kenpo-realm.json
EXPOSE 8080 9000
ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]
CMD ["start", "--optimized", "--import-realm"]
