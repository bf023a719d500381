#!/usr/bin/env bash
# Runs the whole platform on this machine: a Kafka broker, a MongoDB-wire store, the four services
# and the demo archive, all under ./data (kept across restarts). Ctrl-C stops everything.
#   ./run-local.sh --help         options (ports, data folder, infra only)
#   ./run-local.sh --no-build     skip the Maven build (after a first run, for a quick restart)
#   ./run-local.sh --store-heap=1g   more heap for the store (this JVM; default 384m), for a large archive
set -euo pipefail
cd "$(dirname "$0")"

build=true
store_heap=384m
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --store-heap=*)
      store_heap="${arg#--store-heap=}"
      if [[ ! "$store_heap" =~ ^[1-9][0-9]*[mMgG]$ ]]; then
        echo "--store-heap needs a size such as 512m or 2g, not '$store_heap'" >&2
        exit 2
      fi ;;
    --help|-h) [[ -d deploy/local/target/lib ]] && build=false; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if $build; then
  echo "[local-stack] building the services and the launcher (./mvnw -DskipTests package)..."
  ./mvnw -B -q -DskipTests package -pl deploy/local -am
fi

# This JVM also holds the store (all documents in memory): --store-heap sizes it. The broker and the
# services are child JVMs with their own limits.
exec java -Xms64m "-Xmx$store_heap" -XX:+UseSerialGC \
  -cp "deploy/local/target/classes:deploy/local/target/lib/*" \
  dev.aftersales.local.LocalStack ${args[@]+"${args[@]}"}
