#!/usr/bin/env bash
# Runs the pack for a person to try: Keycloak 26.7.3 (embedded dev database) with the pack and the
# kenpo realm plus demo members, and MailDev, a mail catcher whose inbox you read in a browser.
# Needs Java 17, Maven and Node.js 20 (all on this kind of machine); downloads the rest itself.
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

KC_VERSION=26.7.3
RUN_DIR=.run
HOST=${KENPO_HTTP_HOST:-127.0.0.1}
HTTP_PORT=${KENPO_HTTP_PORT:-8080}
MANAGEMENT_PORT=${KENPO_MANAGEMENT_PORT:-9000}
SMTP_PORT=${KENPO_MAIL_SMTP_PORT:-1025}
MAIL_UI_PORT=${KENPO_MAIL_UI_PORT:-1080}
ADMIN_PASSWORD=${KENPO_ADMIN_PASSWORD:-admin}

echo "Building the pack..."
mvn -B -q -DskipTests package

KC_HOME="$RUN_DIR/keycloak-$KC_VERSION"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  echo "Fetching Keycloak $KC_VERSION from Maven Central..."
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip -DoutputDirectory="$RUN_DIR"
fi

JAR=$(ls authenticators/target/kenpo-keycloak-pack-*.jar | head -n1)
if ! cmp -s "$JAR" "$KC_HOME/providers/kenpo-keycloak-pack.jar"; then
  cp "$JAR" "$KC_HOME/providers/kenpo-keycloak-pack.jar"
fi
rm -rf "$KC_HOME/data/import"
mkdir -p "$KC_HOME/data/import"
cp realm-export/kenpo-realm.json realm-export/demo/kenpo-users-0.json "$KC_HOME/data/import/"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

echo "Starting MailDev (mail catcher)..."
npx --yes maildev@3.0.0 --ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$MAIL_UI_PORT" > "$RUN_DIR/maildev.log" 2>&1 &
pids+=($!)

echo "Starting Keycloak $KC_VERSION with the pack (log: $RUN_DIR/keycloak.log)..."
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
KENPO_SMTP_HOST=127.0.0.1 KENPO_SMTP_PORT="$SMTP_PORT" \
KENPO_SMTP_STARTTLS=false KENPO_SSL_REQUIRED=external \
  "$KC_HOME/bin/kc.sh" start-dev --import-realm --db=dev-mem \
    --http-host="$HOST" --http-port="$HTTP_PORT" --http-management-port="$MANAGEMENT_PORT" \
    > "$RUN_DIR/keycloak.log" 2>&1 &
pids+=($!)

base="http://$HOST:$HTTP_PORT"
for _ in $(seq 1 300); do
  if curl -fsS "$base/realms/kenpo/.well-known/openid-configuration" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "Keycloak stopped; see $RUN_DIR/keycloak.log"; exit 1; fi
  sleep 1
done

cat <<INFO

  Kenpo pack is running.
  Member login (account console, goes through the pack's flow):
      $base/realms/kenpo/account
  Mail catcher (read the 暗証キー here):
      http://127.0.0.1:$MAIL_UI_PORT
  Admin console:
      $base/admin/master/console/#/kenpo      user: admin  password: $ADMIN_PASSWORD

  Demo members (login ID / password / address):
      demo-taro       DemoTaro2026     taro@example.jp
      demo-hanako     DemoHanako2026   hanako@example.jp
      demo-noaddress  DemoNoMail2026   (no address: shows the contact-the-union message)

  Press Ctrl-C to stop.
INFO
wait "${pids[1]}"
