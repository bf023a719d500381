#!/usr/bin/env bash
# Issue 14's Prometheus check: the local stack with --demo-traffic --speed N (default 720: 12 platform hours a
# wall minute) for MINUTES wall minutes (default 5), scraped by a real Prometheus; then the increase of
# breaches, broken appointments, released reservations, return calls made when due and care tasks over that
# window. Each must be > 0 (the demo promotes an ordinary customer to a MEDIUM account every 45 ticks, so care
# tasks appear at any speed; SPEED=8640 plays a month in five minutes).
#   deploy/local/speed-check.sh                 (needs `prometheus` on the PATH: apt-get install prometheus)
#   MINUTES=10 SPEED=1440 deploy/local/speed-check.sh
# Uses its own data folder and ports, so it runs beside a stack on the defaults. Prometheus' own time axis
# and the alerts' `for:` are wall time: a month of platform time lands in these five minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."

minutes=${MINUTES:-5}
speed=${SPEED:-720}
base=${BASE_PORT:-18081}
data=$(mktemp -d /tmp/speed-check.XXXXXX)
intake=$base dispatch=$((base + 1)) parts=$((base + 2)) followup=$((base + 3)) prom=$((base + 10))

./run-local.sh --no-build --data="$data" --intake-port=$intake --dispatch-port=$dispatch --parts-port=$parts \
  --followup-port=$followup --broker-port=$((base + 5)) --controller-port=$((base + 6)) \
  --store-port=$((base + 7)) --demo-traffic --speed "$speed" >"$data/launcher.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; [[ -n ${prometheus:-} ]] && kill $prometheus 2>/dev/null; wait' EXIT
until [[ -f "$data/prometheus-ops.token" ]] && grep -q "is running" "$data/launcher.log"; do
  kill -0 $stack 2>/dev/null || { tail -40 "$data/launcher.log"; exit 1; }
  sleep 2
done

cat >"$data/prometheus.yml" <<YAML
global: {scrape_interval: 5s}
scrape_configs:
  - job_name: aftersales
    metrics_path: /actuator/prometheus
    authorization: {type: Bearer, credentials_file: $data/prometheus-ops.token}
    static_configs:
      - targets: ["127.0.0.1:$intake", "127.0.0.1:$dispatch", "127.0.0.1:$parts", "127.0.0.1:$followup"]
YAML
prometheus --config.file="$data/prometheus.yml" --storage.tsdb.path="$data/tsdb" \
  --web.listen-address=127.0.0.1:$prom >"$data/prometheus.log" 2>&1 &
prometheus=$!

echo "platform clock at start: $(curl -s -D - -o /dev/null "http://127.0.0.1:$intake/actuator/health" | grep -i '^aftersales-clock' | tr -d '\r')"
sleep $((minutes * 60))
echo "platform clock at end:   $(curl -s -D - -o /dev/null "http://127.0.0.1:$intake/actuator/health" | grep -i '^aftersales-clock' | tr -d '\r')"

failed=0
check() { # name, PromQL
  local value
  value=$(curl -s "http://127.0.0.1:$prom/api/v1/query" --data-urlencode "query=$2" \
    | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "0")')
  printf '%-28s %10s   %s\n' "$1" "$value" "$2"
  python3 -c "import sys; sys.exit(0 if float('$value') > 0 else 1)" || failed=1
}
window="${minutes}m"
check "SLA breaches" "sum(increase(aftersales_sla_breaches_total[$window]))"
check "broken appointments" "sum(increase(aftersales_appointments_total{outcome=\"BROKEN\"}[$window]))"
check "reservations released" "sum(increase(aftersales_parts_released_total[$window]))"
check "return calls made when due" "sum(increase(aftersales_returncalls_made_total[$window]))"
check "care tasks" "sum(increase(aftersales_care_tasks_total[$window]))"
exit $failed
