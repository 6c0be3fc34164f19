#!/usr/bin/env bash
# Loads the union's membership list into Keycloak and fetches the letters for new insured members;
# or reissues the letters of insured members who have not registered yet and lost theirs.
#
#   scripts/kenpo-import.sh members.csv [--dry-run] [--partial] [--confirm-disable N] [--max-disable-percent P]
#     --partial: the file holds some members only (additions and changes; nobody is disabled for being
#     absent). Without it the file is the whole membership: members it does not list are disabled, and
#     when that is more than P % (default 5) of the active members the server refuses until
#     --confirm-disable names the exact count (a --dry-run shows it).
#   scripts/kenpo-import.sh --reissue member-keys.txt      # one 記号-番号-枝番 per line
#
# Environment: KC_URL (default http://127.0.0.1:8080; https:// is required for any host but this
# machine), KC_REALM (default kenpo), and either KC_TOKEN, or KC_ADMIN_USER of an admin with the
# realm's manage-users role and KC_ADMIN_PASSWORD (asked for when it is not set; password grant of
# admin-cli in the master realm, or set KC_ADMIN_REALM). The password and the token never appear on a
# command line (which every user of the machine can read with ps): curl reads them from its standard
# input or from a temporary file only this user can read.
# The letters' PDF prints KENPO_LETTER_LOGIN_URL (the login screen members open; default the realm's
# account console) as URL and 2次元コード, and, when KENPO_REGISTRATION_ADDRESS is set (the 空メール
# registration address), a mailto: 2次元コード beside it.
# Writes import-<time>.ndjson (progress, rejected rows, summary or failed), or reissue-<time>.json
# (letters and refused keys with the reason), and, when there are letters, letters-<time>.json,
# letters-<time>.csv and letters-<time>.pdf. Keep these files safe: they hold the only clear copy of
# the temporary passwords. A reissued letter replaces the old one: the old temporary password stops working.
set -euo pipefail
umask 077

usage="usage: kenpo-import.sh members.csv [--dry-run] [--partial] [--confirm-disable N] [--max-disable-percent P] | kenpo-import.sh --reissue member-keys.txt"
url=${KC_URL:-http://127.0.0.1:8080}
url=${url%/}
realm=${KC_REALM:-kenpo}
stamp=$(date +%Y%m%d-%H%M%S)
endpoint="$url/admin/realms/$realm/kenpo-member-import"

# Passwords, tokens and the members' data travel encrypted: plain http only to this machine.
case "$url" in
  https://*) ;;
  http://*)
    hostport=${url#http://}
    hostport=${hostport%%/*}
    hostport=${hostport##*@}
    case "$hostport" in
      127.0.0.1|127.0.0.1:*|localhost|localhost:*|"[::1]"|"[::1]:"*) ;;
      *) echo "Refusing plain http to $hostport: use https:// (plain http only for 127.0.0.1, localhost or [::1])." >&2; exit 2 ;;
    esac ;;
  *) echo "KC_URL must start with https:// (or http:// for 127.0.0.1, localhost or [::1]): $url" >&2; exit 2 ;;
esac

# The Authorization header lives in a file only this user can read, removed on exit.
auth_header=$(mktemp)
trap 'rm -f "$auth_header"' EXIT

token=${KC_TOKEN:-}
if [ -z "$token" ]; then
  user=${KC_ADMIN_USER:?set KC_ADMIN_USER or KC_TOKEN}
  password=${KC_ADMIN_PASSWORD:-}
  if [ -z "$password" ]; then
    if [ -r /dev/tty ] && [ -t 0 ]; then
      read -r -s -p "Password of $user: " password < /dev/tty
      echo >&2
    else
      echo "Set KC_ADMIN_PASSWORD (or KC_TOKEN), or run the script in a terminal to be asked for the password." >&2
      exit 2
    fi
  fi
  # printf is a shell builtin: the password goes to curl's standard input, not onto a command line.
  token=$(printf '%s' "$password" | curl -fsS -d grant_type=password -d client_id=admin-cli \
      --data-urlencode "username=$user" --data-urlencode "password@-" \
      "$url/realms/${KC_ADMIN_REALM:-master}/protocol/openid-connect/token" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  unset password
  if [ -z "$token" ]; then
    echo "No token: check KC_ADMIN_USER and the password." >&2
    exit 1
  fi
fi
printf 'Authorization: Bearer %s\n' "$token" > "$auth_header"

# Fetches letters-<time>.csv and .pdf for a file the letters endpoint reads.
fetch_letters() {
  for format in csv pdf; do
    curl -fsS -X POST -H "@$auth_header" -H "Content-Type: application/json" \
      --url-query "format=$format" \
      ${KENPO_LETTER_LOGIN_URL:+--url-query "loginUrl=$KENPO_LETTER_LOGIN_URL"} \
      ${KENPO_REGISTRATION_ADDRESS:+--url-query "registrationAddress=$KENPO_REGISTRATION_ADDRESS"} \
      --data-binary "@$1" -o "letters-$stamp.$format" "$endpoint/letters"
  done
  echo "Letters: letters-$stamp.csv letters-$stamp.pdf"
}

if [ "${1:-}" = "--reissue" ]; then
  keys=${2:?$usage}
  # One key per line (blank lines and a trailing CR from Windows are skipped) as a JSON array.
  body=$(tr -d '\r' < "$keys" | sed -e '/^[[:space:]]*$/d' -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/.*/"&"/' | paste -sd, -)
  out="reissue-$stamp.json"
  curl -fsS -X POST -H "@$auth_header" -H "Content-Type: application/json" \
    --data-binary "[$body]" "$endpoint/reissue" > "$out"
  sed -n 's/.*"refused":\[\(.*\)\]}$/\1/p' "$out" | sed 's/},{/}\n{/g' | grep -v '^$' | sed 's/^/refused: /' || true
  if grep -q '"type":"letter"' "$out"; then
    fetch_letters "$out"
  fi
  exit 0
fi

csv=${1:?$usage}
shift
query="dryRun=false"
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) query="${query/dryRun=false/dryRun=true}" ;;
    --partial) query="$query&mode=partial" ;;
    --confirm-disable) query="$query&confirmDisable=${2:?$usage}"; shift ;;
    --max-disable-percent) query="$query&maxDisablePercent=${2:?$usage}"; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift
done
out="import-$stamp.ndjson"
# Progress lines arrive as the import goes; show them while saving everything. A refusal (nothing
# changed) is one JSON object with "error" and a message saying what to do.
curl -sS -N -X POST -H "@$auth_header" -H "Content-Type: text/csv" \
  --data-binary "@$csv" "$endpoint?$query" | tee "$out" \
  | grep --line-buffered -v '"type":"letter"' || true
if grep -q '"error"' "$out"; then
  echo "The server refused the import; nothing was changed (see the message above)." >&2
  exit 1
fi

letters=$(grep '"type":"letter"' "$out" || true)
if [ -n "$letters" ]; then
  printf '[%s]\n' "$(printf '%s\n' "$letters" | paste -sd, -)" > "letters-$stamp.json"
  fetch_letters "letters-$stamp.json"
fi
if grep -q '"type":"failed"' "$out"; then
  echo "The import stopped part-way (see the server log). Keep the letters above; run the same file again." >&2
  exit 1
fi
