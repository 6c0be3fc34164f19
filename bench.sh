#!/usr/bin/env bash
# Benchmarks (not part of the tests): Keycloak (the parent pom's keycloak.server.version) in production mode with the pack, PostgreSQL and
# an SMTP sink on loopback; logins A/B/C side by side, the email-key step, member import and lookup.
# Results: benchmarks/results/<date-time>/ (results.md, .csv, .png); benchmarks/results/LATEST names the newest.
#
#   ./bench.sh                      # the full run (about an hour on 2 cores; with --two-nodes about an hour more)
#   ./bench.sh --rounds=2 --warmup-logins=500 --warmup-cycles=2 --import-rows=20000 --clone-to=100000   # a shorter one
#
# Options: --vus=N (virtual members per login flow, default 8), --warmup=S (one warm-up window, default 15),
# --warmup-logins=N (the warm-up goes on until every flow has logged in N times, default 6000; then until stable),
# --warmup-cycles=N (at most N warm-up cycles over every flow, default 60), --stable=P (a cycle is stable when every flow's
# Keycloak CPU per login over the last 3 cycles is within P % of the 3 before, default 5), --jit-idle=P (and the JIT compiler's
# threads took at most P % of its CPU in its last window, default 2), --measure=S, --rounds=N (alternating A B C0 C / C C0 B A, default 6),
# --otp-pool=N (B's members with authenticator apps, each used once per 30-second period: about N/30 logins/s at most, default 2400),
# --key-steps=N, --mail-timeout-ms=N (the hung-mail-server scenario's realm mail timeout, default 5000),
# --import-rows=N, --clone-to=N, --lookups=N, --skip-logins, --skip-hung-mail, --skip-key-step, --skip-members, --skip-lookups,
# --import-live-heap=S (a forced full GC every S seconds during the import, for its live heap),
# --perf (each login window also recorded with Linux perf: the request threads' CPU per login by what they did, with JVM,
# libc and kernel frames; Keycloak then runs with -XX:+PreserveFramePointer), --keycloak-java-opts='...' (added to every
# Keycloak JVM's JAVA_OPTS_APPEND).
# The import alone: ./bench.sh --skip-logins --skip-hung-mail --skip-key-step --skip-lookups --import-rows=100000
# --enumeration [--samples=N]: only the timing comparison of known and unknown input at every entry point
# (default 300 samples each), written to benchmarks/results/<date-time>/enumeration.md and .csv.
# --two-nodes: after the single node's steps, the single node stops, its database is copied, two nodes of its build start
# (`kc.sh start --optimized --cache=ispn`, JDBC-ping on the same PostgreSQL, as docs/cluster.md and TwoNodeClusterIT) behind
# HAProxy (Debian's package, installed here where missing; round robin, no stickiness), and the single node starts again on
# the copy; the same flows on one node and on two nodes in alternating windows (A one, A two, B one, ...), warm-up until
# stable and --rounds rounds; the report gives Keycloak CPU seconds per login of both JVMs added up against the one node,
# per round. On 2 cores two nodes share the cores one node had: they show the CPU a login costs in a cluster, not
# scale-out. The phase alone:
#   ./bench.sh --two-nodes --skip-logins --skip-hung-mail --skip-key-step --skip-members
# A short check:
#   ./bench.sh --two-nodes --skip-logins --skip-hung-mail --skip-key-step --skip-members --vus=2 --rounds=1 --warmup-logins=0 --warmup-cycles=1
set -euo pipefail
cd "$(dirname "$0")"

packages=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || packages+=(postgresql)
case " $* " in
  *" --perf "*) command -v perf >/dev/null 2>&1 || packages+=(linux-perf) ;;
esac
case " $* " in
  *" --two-nodes "*) command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || packages+=(haproxy) ;;
esac
if [ "${#packages[@]}" -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

mvn -B -q -Pbench -DskipTests package
jar=authenticators/target/kenpo-keycloak-pack.jar
exec java -Xmx2g -Dkenpo.pack.jar="$jar" -Dkenpo.realm=realm-export/kenpo-realm.json \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" jp.kenpo.keycloak.bench.Benchmarks "$@"
