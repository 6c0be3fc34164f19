#!/usr/bin/env bash
# Runs every test of the pack: unit tests, then integration tests against a real Keycloak 26.7.3
# (unpacked from Maven Central's distribution zip) with a real SMTP server, and the screens in
# headless Chromium. Installs Chromium, its driver and a Japanese font first when they are missing.
set -euo pipefail
cd "$(dirname "$0")"

need_packages=()
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_packages+=(chromium-driver)
{ command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi 'IPAGothic\|IPAPGothic'; } || need_packages+=(fonts-ipafont-gothic)
if [ "${#need_packages[@]}" -gt 0 ]; then
  echo "Installing ${need_packages[*]} (Debian packages) for the browser tests"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

exec mvn -B verify "$@"
