#!/usr/bin/env bash
# Verifies the observability deployment against a real Prometheus:
#   1. promtool: the checked-in scrape configs and alert rules are valid, and every alert has a
#      unit test that fires it and one that does not; every dashboard panel has a title and a unit;
#   2. starts the local stack with demo traffic on free ports and Prometheus on 127.0.0.1 with the
#      deploy configuration (a generated variant pointing at those ports and the stack's OPS token);
#   3. queries every dashboard panel and variable through Prometheus's HTTP API and fails naming each
#      panel whose query returns no data; checks that no label value looks like a phone number, a
#      name or a per-case id and that no label has unbounded cardinality; checks that Prometheus
#      loaded every alert rule and evaluates each without error; checks that every (event, service)
#      pair consumers.csv declares HANDLED was handled at least once and that no dead letter was written.
# Everything it starts is stopped on exit. Needs the built jars (it builds them if missing; CI runs
# it after ./mvnw verify) and installs Debian's prometheus package if promtool is missing.
#   deploy/verify-observability.sh [--build] [--keep-data] [--wait-seconds=N]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
started=$(date +%s)

build=false
keep=false
wait_seconds=420
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    --keep-data) keep=true ;;
    --wait-seconds=*) wait_seconds="${arg#*=}" ;;
    *) echo "unknown option $arg (--build, --keep-data, --wait-seconds=N)" >&2; exit 2 ;;
  esac
done

say() { echo "[observability $(($(date +%s) - started))s] $*"; }
fail() { echo "[observability] FAILED: $*" >&2; exit 1; }

# ---- tools ----
if ! command -v promtool >/dev/null 2>&1 || ! command -v prometheus >/dev/null 2>&1; then
  say "installing Prometheus (Debian package)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
fi
python=python3
if ! "$python" -c 'import yaml' 2>/dev/null; then
  python=/usr/bin/python3
  "$python" -c 'import yaml' 2>/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml >/dev/null; }
fi
check() { "$python" deploy/observability_check.py "$@"; }
say "$(prometheus --version 2>&1 | head -1)"

# ---- 1. static checks of what is checked in ----
say "promtool check config (checked-in files) / check rules / test rules"
promtool check config --syntax-only deploy/prometheus/prometheus.yml deploy/prometheus/prometheus-kubernetes.yml
promtool check rules deploy/prometheus/rules/*.yml
promtool test rules deploy/prometheus/tests/*.yml
check static deploy || fail "static checks"

# ---- 2. the local stack with demo traffic, and Prometheus ----
for service in intake dispatch parts followup; do
  [[ -f "$service-service/target/$service-service.jar" ]] || build=true
done
[[ -d deploy/local/target/lib ]] || build=true
if $build; then
  say "building the services and the launcher"
  ./mvnw -B -q -DskipTests package -pl deploy/local -am
fi

work=$(mktemp -d /tmp/aftersales-observability.XXXXXX)
stack_pid=""
prometheus_pid=""
cleanup() {
  local status=$?
  if [[ -n "$prometheus_pid" ]] && kill -0 "$prometheus_pid" 2>/dev/null; then
    kill "$prometheus_pid" 2>/dev/null || true
    wait "$prometheus_pid" 2>/dev/null || true
  fi
  if [[ -n "$stack_pid" ]] && kill -0 "$stack_pid" 2>/dev/null; then
    # The launcher's shutdown hook stops the services and the broker gracefully.
    kill "$stack_pid" 2>/dev/null || true
    for _ in $(seq 1 90); do kill -0 "$stack_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$stack_pid" 2>/dev/null || true
  fi
  # Whatever a killed launcher left behind: its children's pid files.
  for pidfile in "$work"/data/run/*.pid; do
    [[ -f "$pidfile" ]] || continue
    pid=$(cat "$pidfile" 2>/dev/null || true)
    [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true
  done
  if $keep || [[ $status -ne 0 ]]; then
    echo "[observability] logs and data kept in $work"
  else
    rm -rf "$work"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

read -r broker controller store intake dispatch parts followup prom < <("$python" - <<'EOF'
import socket
sockets = []
for _ in range(8):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    sockets.append(s)
print(" ".join(str(s.getsockname()[1]) for s in sockets))
EOF
)

say "starting the local stack with demo traffic (services on $intake, $dispatch, $parts, $followup)"
java -Xms64m -Xmx384m -XX:+UseSerialGC -cp "deploy/local/target/classes:deploy/local/target/lib/*" \
  dev.aftersales.local.LocalStack --data="$work/data" --no-cds --demo-traffic \
  --broker-port="$broker" --controller-port="$controller" --store-port="$store" \
  --intake-port="$intake" --dispatch-port="$dispatch" --parts-port="$parts" --followup-port="$followup" \
  >"$work/stack.log" 2>&1 &
stack_pid=$!
deadline=$(($(date +%s) + 300))
until grep -q "demo-traffic\] playing" "$work/stack.log" 2>/dev/null; do
  kill -0 "$stack_pid" 2>/dev/null || { tail -40 "$work/stack.log"; fail "the local stack did not start"; }
  [[ $(date +%s) -lt $deadline ]] || { tail -40 "$work/stack.log"; fail "the local stack was not ready within 300 s"; }
  sleep 2
done
say "local stack ready, demo traffic playing"

# The deploy configuration, pointed at this stack: its targets file (the instances' ports), its OPS token, the rules by absolute path,
# and a 5 s scrape interval so that rates have samples within a minute.
config="$work/prometheus.yml"
sed -e "s#files: \[../../data/prometheus-targets.json\]#files: [$work/data/prometheus-targets.json]#" \
    -e "s#credentials_file: ../../data/prometheus-ops.token#credentials_file: $work/data/prometheus-ops.token#" \
    -e "s#^  - rules/\*.yml#  - $repo/deploy/prometheus/rules/*.yml#" \
    -e "s#scrape_interval: 15s#scrape_interval: 5s#; s#evaluation_interval: 15s#evaluation_interval: 5s#" \
    deploy/prometheus/prometheus.yml >"$config"
grep -q "127.0.0.1:$intake\"" "$work/data/prometheus-targets.json" || fail "the stack wrote no Prometheus targets"
for changed in "$work/data/prometheus-targets.json" "$work/data/prometheus-ops.token" "$repo/deploy/prometheus/rules"; do
  grep -q "$changed" "$config" || fail "could not point the configuration at the stack ($changed)"
done
say "promtool check config (the variant for this stack, with its token file and rules)"
promtool check config "$config"

url="http://127.0.0.1:$prom"
prometheus --config.file="$config" --web.listen-address="127.0.0.1:$prom" \
  --storage.tsdb.path="$work/tsdb" --log.level=warn >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
say "Prometheus on $url; waiting for the four targets"
deadline=$(($(date +%s) + 90))
until [[ "$(curl -sf "$url/api/v1/query" --data-urlencode 'query=sum(up{job="aftersales"})' \
          | "$python" -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else 0)' \
          2>/dev/null)" == "4" ]]; do
  kill -0 "$prometheus_pid" 2>/dev/null || { cat "$work/prometheus.log"; fail "Prometheus exited"; }
  if [[ $(date +%s) -ge $deadline ]]; then
    curl -s "$url/api/v1/targets" | "$python" -c 'import json,sys
for t in json.load(sys.stdin)["data"]["activeTargets"]: print(t["labels"].get("service"), t["health"], t["lastError"])'
    fail "not all four services were scraped within 90 s"
  fi
  sleep 2
done
say "all four services scraped"

# ---- 3. every panel has data, every declared handler ran, no dead letters; labels are clean ----
consumers=platform/event-contracts/src/main/resources/dev/aftersales/contracts/consumers.csv
# Demo traffic needs a few minutes for the rarer facts (a broken appointment, a repeat failure,
# an unreachable customer); poll until every panel has data or the wait is over.
deadline=$(($(date +%s) + wait_seconds))
while true; do
  panels_ok=true
  check panels deploy "$url" >"$work/panels.txt" || panels_ok=false
  check consumers "$consumers" "$url" >>"$work/panels.txt" || panels_ok=false
  if $panels_ok; then
    cat "$work/panels.txt"
    break
  fi
  if [[ $(date +%s) -ge $deadline ]]; then
    cat "$work/panels.txt"
    fail "after ${wait_seconds} s of demo traffic: panels without data, handlers never run or dead letters (listed above)"
  fi
  say "$(grep -c '^FAIL' "$work/panels.txt") checks not met yet, waiting for more traffic:" \
    "$(sed -n "s/^FAIL [^:]*: panel '\([^']*\)'.*/\1/p; s/^FAIL handled: //p; s/^FAIL dead letters: /DLT /p" "$work/panels.txt" | sort -u | paste -sd ';' | cut -c1-300)"
  sleep 15
done
check rules deploy "$url" || fail "alert rules in the running Prometheus (listed above)"
check labels "$url" || fail "metric labels (listed above)"

say "$(grep -E '^\[demo-traffic\]' "$work/stack.log" | tail -1)"
say "OK: configs, rules and rule tests valid; every dashboard panel returns data; labels clean"
