#!/usr/bin/env bash
# Installs what the tests need and a fresh Debian machine lacks (Debian packages): Chromium, its driver
# and a Japanese font for the browser tests, a PostgreSQL server for the ITs that run on PostgreSQL
# (the harness runs its own throw-away cluster under authenticators/target/; nothing is configured here),
# and HAProxy, the load balancer in front of the two-node cluster test (started by the test with a config of
# its own on loopback ports; the package's system service is not used).
# The README's test command runs it before `mvn -B verify`.
set -euo pipefail

need_packages=()
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_packages+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need_packages+=(postgresql)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || need_packages+=(haproxy)
{ command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi 'IPAGothic\|IPAPGothic'; } || need_packages+=(fonts-ipafont-gothic)
if [ "${#need_packages[@]}" -gt 0 ]; then
  echo "Installing ${need_packages[*]} (Debian packages) for the tests"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi
