#!/usr/bin/env bash
# Loads the union's membership list into Keycloak and fetches the letters for new insured members.
#
#   scripts/kenpo-import.sh members.csv [--dry-run]
#
# Environment: KC_URL (default http://127.0.0.1:8080), KC_REALM (default kenpo), and either
# KC_TOKEN, or KC_ADMIN_USER / KC_ADMIN_PASSWORD of an admin with the realm's manage-users role
# (password grant of admin-cli in the master realm, or set KC_ADMIN_REALM).
# Writes import-<time>.ndjson (progress, rejected rows, summary or failed) and, when members were created,
# letters-<time>.json, letters-<time>.csv and letters-<time>.pdf. Keep these files safe: they hold
# the only clear copy of the temporary passwords.
set -euo pipefail

csv=${1:?usage: kenpo-import.sh members.csv [--dry-run]}
dry=false
[ "${2:-}" = "--dry-run" ] && dry=true
url=${KC_URL:-http://127.0.0.1:8080}
realm=${KC_REALM:-kenpo}
stamp=$(date +%Y%m%d-%H%M%S)

token=${KC_TOKEN:-}
if [ -z "$token" ]; then
  token=$(curl -fsS -d grant_type=password -d client_id=admin-cli \
      --data-urlencode "username=${KC_ADMIN_USER:?set KC_ADMIN_USER or KC_TOKEN}" \
      --data-urlencode "password=${KC_ADMIN_PASSWORD:?set KC_ADMIN_PASSWORD}" \
      "$url/realms/${KC_ADMIN_REALM:-master}/protocol/openid-connect/token" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
fi

out="import-$stamp.ndjson"
# Progress lines arrive as the import goes; show them while saving everything.
curl -fsS -N -X POST -H "Authorization: Bearer $token" -H "Content-Type: text/csv" \
  --data-binary "@$csv" "$url/admin/realms/$realm/kenpo-member-import?dryRun=$dry" | tee "$out" \
  | grep --line-buffered -v '"type":"letter"' || true

letters=$(grep '"type":"letter"' "$out" || true)
if [ -n "$letters" ]; then
  umask 077
  printf '[%s]\n' "$(printf '%s\n' "$letters" | paste -sd, -)" > "letters-$stamp.json"
  for format in csv pdf; do
    curl -fsS -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
      --data-binary "@letters-$stamp.json" -o "letters-$stamp.$format" \
      "$url/admin/realms/$realm/kenpo-member-import/letters?format=$format"
  done
  echo "Letters: letters-$stamp.csv letters-$stamp.pdf"
fi
if grep -q '"type":"failed"' "$out"; then
  echo "The import stopped part-way (see the server log). Keep the letters above; run the same file again." >&2
  exit 1
fi
