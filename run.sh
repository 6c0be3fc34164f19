#!/usr/bin/env bash
# Runs the pack for a person to try: Keycloak (the parent pom's keycloak.server.version, embedded dev
# database) with the pack and the kenpo realm plus demo members, and MailDev, a mail catcher whose inbox
# you read in a browser, and the sample portal (examples/portal, Node.js) at http://localhost:3000.
# Needs Java 17, Maven and Node.js 20 (all on this kind of machine); downloads the rest itself.
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

RUN_DIR=.run
HOST=${KENPO_HTTP_HOST:-127.0.0.1}
HTTP_PORT=${KENPO_HTTP_PORT:-8080}
MANAGEMENT_PORT=${KENPO_MANAGEMENT_PORT:-9000}
SMTP_PORT=${KENPO_MAIL_SMTP_PORT:-1025}
MAIL_UI_PORT=${KENPO_MAIL_UI_PORT:-1080}
PORTAL_PORT=${KENPO_PORTAL_PORT:-3000}
ADMIN_PASSWORD=${KENPO_ADMIN_PASSWORD:-admin}

# Refuse to start when a port is taken (a previous run, another Keycloak, another mail catcher): otherwise
# one child fails late and the others keep running. Checked before anything is built or started.
port_taken() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "( sport = :$1 )" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
  fi
}
taken=()
for p in "$HTTP_PORT" "$MANAGEMENT_PORT" "$SMTP_PORT" "$MAIL_UI_PORT" "$PORTAL_PORT"; do
  if port_taken "$p"; then taken+=("$p"); fi
done
if [ "${#taken[@]}" -gt 0 ]; then
  echo "run.sh: port(s) ${taken[*]} already in use (needed: HTTP $HTTP_PORT, management $MANAGEMENT_PORT," >&2
  echo "  SMTP $SMTP_PORT, mail UI $MAIL_UI_PORT, portal $PORTAL_PORT). Stop what uses them (ss -ltnp shows it) or" >&2
  echo "  choose others with KENPO_HTTP_PORT, KENPO_MANAGEMENT_PORT, KENPO_MAIL_SMTP_PORT, KENPO_MAIL_UI_PORT," >&2
  echo "  KENPO_PORTAL_PORT." >&2
  exit 1
fi

echo "Building the pack..."
mvn -B -q -DskipTests package
# The build writes the parent pom's keycloak.server.version here: the one place for the Keycloak version.
# shellcheck source=/dev/null
. authenticators/target/keycloak.env
KC_VERSION=$KEYCLOAK_VERSION

KC_HOME="$RUN_DIR/keycloak-$KC_VERSION"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  echo "Fetching Keycloak $KC_VERSION from Maven Central..."
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip -DoutputDirectory="$RUN_DIR"
fi

JAR=authenticators/target/kenpo-keycloak-pack.jar
if ! cmp -s "$JAR" "$KC_HOME/providers/kenpo-keycloak-pack.jar"; then
  cp "$JAR" "$KC_HOME/providers/kenpo-keycloak-pack.jar"
fi
rm -rf "$KC_HOME/data/import"
mkdir -p "$KC_HOME/data/import"
cp realm-export/kenpo-realm.json realm-export/demo/kenpo-users-0.json "$KC_HOME/data/import/"

# Each child runs in its own process group (setsid), and on exit the whole group is stopped: npx starts
# MailDev's node as a grandchild, and kc.sh starts the Keycloak JVM, which a plain kill of the direct
# child would leave running (holding the ports). Ctrl-C reaches only this script's group.
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for _ in $(seq 1 30); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && return
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "Starting MailDev (mail catcher)..."
setsid npx --yes "maildev@$MAILDEV_VERSION" --ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$MAIL_UI_PORT" > "$RUN_DIR/maildev.log" 2>&1 &
pids+=($!)

echo "Starting Keycloak $KC_VERSION with the pack (log: $RUN_DIR/keycloak.log)..."
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
KENPO_SMTP_HOST=127.0.0.1 KENPO_SMTP_PORT="$SMTP_PORT" \
KENPO_SMTP_STARTTLS=false KENPO_SSL_REQUIRED=external \
KENPO_PORTAL_REDIRECT_URI="http://localhost:$PORTAL_PORT/*" KENPO_PORTAL_ROOT_URL="http://localhost:$PORTAL_PORT" \
  setsid "$KC_HOME/bin/kc.sh" start-dev --import-realm --db=dev-mem \
    --http-host="$HOST" --http-port="$HTTP_PORT" --http-management-port="$MANAGEMENT_PORT" \
    > "$RUN_DIR/keycloak.log" 2>&1 &
pids+=($!)

base="http://$HOST:$HTTP_PORT"
for _ in $(seq 1 300); do
  if curl -fsS "$base/realms/kenpo/.well-known/openid-configuration" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "Keycloak stopped; see $RUN_DIR/keycloak.log"; exit 1; fi
  sleep 1
done

# The sample portal (docs/portal-developers.md) with the secret the realm's kenpo-portal client has.
PORTAL_DIR=examples/portal
if [ ! -f "$PORTAL_DIR/node_modules/.package-lock.json" ] || [ "$PORTAL_DIR/package-lock.json" -nt "$PORTAL_DIR/node_modules/.package-lock.json" ]; then
  echo "Installing the sample portal's packages (npm ci)..."
  (cd "$PORTAL_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi
json_field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);const x=Array.isArray(v)?v[0]:v;process.stdout.write(String(x[process.argv[1]]??""))})' "$1"; }
admin_token=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin --data-urlencode "password=$ADMIN_PASSWORD" \
  "$base/realms/master/protocol/openid-connect/token" | json_field access_token)
# The demo's sample 問い合わせ先 (the export leaves it empty for production: docs/configuration.md).
for lang in ja en; do
  curl -fsS -X POST -H "Authorization: Bearer $admin_token" -H "Content-Type: application/json" \
    --data-binary "@realm-export/demo/kenpo-contact-$lang.json" "$base/admin/realms/kenpo/localization/$lang"
done
portal_client=$(curl -fsS -H "Authorization: Bearer $admin_token" "$base/admin/realms/kenpo/clients?clientId=kenpo-portal" | json_field id)
portal_secret=$(curl -fsS -H "Authorization: Bearer $admin_token" "$base/admin/realms/kenpo/clients/$portal_client/client-secret" | json_field value)
echo "Starting the sample portal (log: $RUN_DIR/portal.log)..."
KENPO_ISSUER="$base/realms/kenpo" KENPO_PORTAL_SECRET="$portal_secret" PORTAL_PORT="$PORTAL_PORT" \
  setsid node "$PORTAL_DIR/server.js" > "$RUN_DIR/portal.log" 2>&1 &
pids+=($!)

cat <<INFO

  Kenpo pack is running.
  Member login (account console, goes through the pack's flow):
      $base/realms/kenpo/account
  Sample portal (login, ようこそ, logout):
      http://localhost:$PORTAL_PORT
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
