#!/usr/bin/env bash
# Runs the whole platform on this machine: a Kafka broker, a MongoDB-wire store, the four services
# and the demo archive, all under ./data (kept across restarts). Ctrl-C stops everything.
#   ./run-local.sh --help         options (ports, data folder, infra only)
#   ./run-local.sh --no-build     skip the Maven build (after a first run, for a quick restart)
set -euo pipefail
cd "$(dirname "$0")"

build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --help|-h) [[ -d deploy/local/target/lib ]] && build=false; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if $build; then
  echo "[local-stack] building the services and the launcher (./mvnw -DskipTests package)..."
  ./mvnw -B -q -DskipTests package -pl deploy/local -am
fi

# This JVM also holds the store; the broker and the services are child JVMs with their own limits.
exec java -Xms64m -Xmx384m -XX:+UseSerialGC \
  -cp "deploy/local/target/classes:deploy/local/target/lib/*" \
  dev.aftersales.local.LocalStack ${args[@]+"${args[@]}"}
