#!/usr/bin/env bash
# The two-instance run (issue 18), a .ci/run stage after ./mvnw verify: the packaged stack with two
# instances of every service (./run-local.sh --instances 2) on free ports, then
#   - a technician's feed open on dispatch instance A gets an assignment made through instance B;
#   - cases registered through the round-robin ports while one instance of every service is killed
#     (SIGKILL): no case lost or doubled (cases per machine, assignments and events per case id);
#   - the platform clock advanced past the first-answer deadline: each case's SLA clock breaches once;
#   - the backlog gauge over the instances (the dashboard's max, and the sum) equals one instance's
#     count of the same data, exported by exactly one instance.
# Prints what it checked and how long it took; everything it starts is stopped on exit.
#   deploy/two-instances/check.sh [--build] [--cases=N]
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)

build=false
cases=24
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    --cases=*) cases="${arg#*=}" ;;
    *) echo "unknown option $arg (--build, --cases=N)" >&2; exit 2 ;;
  esac
done
for service in intake dispatch parts followup; do
  [[ -f "$service-service/target/$service-service.jar" ]] || build=true
done
[[ -d deploy/local/target/lib ]] || build=true
if $build; then
  echo "[two-instances] building the services and the launcher"
  ./mvnw -B -q -DskipTests package -pl deploy/local -am
fi

data=$(mktemp -d /tmp/aftersales-two-instances.XXXXXX)
status=0
# The check runs the stack in its own JVM (which holds the store) and stops it before it exits.
java -Xms64m -Xmx512m -XX:+UseSerialGC -cp "deploy/local/target/classes:deploy/local/target/lib/*" \
  dev.aftersales.local.TwoInstanceCheck --data "$data/stack" --cases "$cases" || status=$?
for pidfile in "$data"/stack/run/*.pid; do  # whatever a crashed check left behind
  [[ -f "$pidfile" ]] || continue
  pid=$(cat "$pidfile" 2>/dev/null || true)
  [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true
done
if [[ $status -eq 0 ]]; then
  rm -rf "$data"
else
  echo "[two-instances] logs kept in $data/stack/logs"
fi
echo "[two-instances] took $(($(date +%s) - started)) s (exit $status)"
exit $status
