#!/usr/bin/env python3
"""Checks behind deploy/verify-observability.sh (run that, not this).

  static   DEPLOY_DIR                  every alert has a firing and a quiet promtool test; every
                                       dashboard panel has a title, a unit and a query
  panels   DEPLOY_DIR PROMETHEUS_URL   every panel query and every dashboard variable returns data
  rules    DEPLOY_DIR PROMETHEUS_URL   Prometheus loaded every checked-in alert and evaluates each without error
  labels   PROMETHEUS_URL              no label value looks like personal data or a per-case id, and
                                       no label has unbounded cardinality
  consumers CONSUMERS_CSV PROMETHEUS_URL  every (event, service) pair the table declares HANDLED was handled
                                       at least once, and no service dead-lettered anything
Exit status 0 when all holds, 1 with one line per failure otherwise."""
import csv
import json
import pathlib
import re
import sys
import urllib.parse
import urllib.request

import yaml

# What the template variables stand for while checking: every dealer and region.
SUBSTITUTIONS = {"$__rate_interval": "1m", "$__interval": "15s", "$dealer": ".*", "$region": ".*"}

# Label values that must never reach Prometheus (architecture.md: no personal data in metric labels).
FORBIDDEN_VALUES = [
    ("a mainland mobile number", re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")),
    ("a landline number", re.compile(r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)")),
    ("an E.164 phone number", re.compile(r"\+[1-9]\d{6,14}")),
    ("a complaint id", re.compile(r"\bC-\d{8}-[0-9A-Z]{6,}")),
    ("an assignment, return call, survey or transfer id", re.compile(r"\b(ASG|RC|SV|TR|INST)-[0-9A-Z]")),
    ("a customer id", re.compile(r"\bCU-\d+")),
    ("a serial number", re.compile(r"\b(WP|AC|EX)-\d{4}\b")),
    ("a UUID", re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")),
    ("a name or address (CJK text)", re.compile(r"[\u4e00-\u9fff]")),
]
# Labels whose values are per process or per scrape target, bounded by the deployment, not the business.
PLATFORM_LABELS = {"__name__", "instance", "le", "quantile"}
# Timers whose p95/p99 the dashboards draw from SLO buckets (see generate-dashboards.py).
BUSINESS_HISTOGRAMS = ["aftersales_intake_first_answer_seconds", "aftersales_assignments_time_to_assign_seconds",
                       "aftersales_visits_time_to_arrive_seconds", "aftersales_parts_time_until_ready_seconds",
                       "http_server_requests_seconds"]
# Gauges counted from the database, exported by one instance of their service (its database-gauges
# lease): summing them over instances would count them twice while two instances hand over.
DATABASE_GAUGES = ["aftersales_intake_cases_unanswered", "aftersales_intake_cases_unanswered_overdue",
                   "aftersales_intake_cases_unanswered_oldest", "aftersales_resolution_actions_overdue_cases",
                   "aftersales_intake_cases_open", "aftersales_assignments_escalated_waiting",
                   "aftersales_assignments_escalated_oldest", "aftersales_archive_installations",
                   "aftersales_servqual_gap", "aftersales_survey_satisfaction_mean", "aftersales_returncalls_due",
                   "aftersales_returncalls_overdue", "aftersales_care_silent", "aftersales_parts_stock_value",
                   "aftersales_parts_backorders_open", "aftersales_parts_backorders_oldest",
                   "aftersales_parts_backorders_waiting"]
SUMMED_DATABASE_GAUGE = re.compile(
    r"\bsum\b(\s+(by|without)\s*\([^)]*\))?\s*\(\s*(" + "|".join(DATABASE_GAUGES) + r")\b")
# Series one service instance may export; a per-case or per-customer label would blow through it at once.
SERIES_BUDGET = 5000
MAX_VALUES_PER_LABEL = 60


def dashboards(deploy):
    for path in sorted((deploy / "grafana" / "dashboards").glob("*.json")):
        yield path.name, json.loads(path.read_text(encoding="utf-8"))


def panels(board):
    for panel in board.get("panels", []):
        if panel.get("type") == "row":
            yield from panel.get("panels", [])
        else:
            yield panel


def static(deploy):
    failures = []
    alerts = []
    for rules in sorted((deploy / "prometheus" / "rules").glob("*.yml")):
        for group in yaml.safe_load(rules.read_text())["groups"]:
            alerts += [r["alert"] for r in group["rules"] if "alert" in r]
    fired, quiet = set(), set()
    for tests in sorted((deploy / "prometheus" / "tests").glob("*.yml")):
        for test in yaml.safe_load(tests.read_text())["tests"]:
            for case in test.get("alert_rule_test", []):
                (fired if case.get("exp_alerts") else quiet).add(case["alertname"])
    for alert in alerts:
        if alert not in fired:
            failures.append(f"alert {alert}: no promtool test that fires it")
        if alert not in quiet:
            failures.append(f"alert {alert}: no promtool test where it stays quiet")
    for config in [deploy / "grafana" / "docker-compose.yml", *sorted((deploy / "grafana" / "provisioning").rglob("*.yml"))]:
        try:
            yaml.safe_load(config.read_text())
        except yaml.YAMLError as e:
            failures.append(f"{config.relative_to(deploy)}: not valid YAML: {e}")
    count = 0
    for name, board in dashboards(deploy):
        for panel in panels(board):
            count += 1
            title = (panel.get("title") or "").strip()
            label = f"{name}: panel {panel.get('id')} '{title}'"
            if not title:
                failures.append(f"{label}: no title")
            if not panel.get("fieldConfig", {}).get("defaults", {}).get("unit"):
                failures.append(f"{label}: no unit")
            if not [t for t in panel.get("targets", []) if t.get("expr", "").strip()]:
                failures.append(f"{label}: no query")
            if panel.get("datasource", {}).get("uid") != "aftersales-prometheus":
                failures.append(f"{label}: not on the provisioned data source")
            for target in panel.get("targets", []):
                if SUMMED_DATABASE_GAUGE.search(target.get("expr", "")):
                    failures.append(f"{label}: sums a database gauge over instances (take the max)")
    for rules in sorted((deploy / "prometheus" / "rules").glob("*.yml")):
        for group in yaml.safe_load(rules.read_text())["groups"]:
            for rule in group["rules"]:
                if SUMMED_DATABASE_GAUGE.search(str(rule.get("expr", ""))):
                    failures.append(f"{rules.name}: {rule.get('alert') or rule.get('record')} sums a database gauge"
                                    " over instances (take the max)")
    print(f"static: {len(alerts)} alerts and their promtool tests, {count} dashboard panels checked")
    return failures


def query(prometheus, path, **params):
    url = prometheus + path + "?" + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=30) as answer:
        body = json.load(answer)
    if body.get("status") != "success":
        raise RuntimeError(f"{path} {params}: {body}")
    return body["data"]


def substitute(expr):
    for name, value in SUBSTITUTIONS.items():
        expr = expr.replace(name, value)
    return expr


def check_panels(deploy, prometheus):
    failures = []
    checked = 0
    for name, board in dashboards(deploy):
        for variable in board.get("templating", {}).get("list", []):
            definition = variable.get("definition", "")
            match = re.fullmatch(r"label_values\((.+),\s*(\w+)\)", definition.strip())
            if not match:
                failures.append(f"{name}: variable {variable['name']}: not a label_values(metric, label) query")
                continue
            series = query(prometheus, "/api/v1/series", **{"match[]": substitute(match.group(1))})
            if not [s for s in series if match.group(2) in s]:
                failures.append(f"{name}: variable ${variable['name']} ({definition}) lists no values")
        for panel in panels(board):
            for target in panel.get("targets", []):
                expr = substitute(target["expr"])
                checked += 1
                try:
                    result = query(prometheus, "/api/v1/query", query=expr)["result"]
                except Exception as e:  # a bad query names its panel like an empty one
                    failures.append(f"{name}: panel '{panel['title']}' query {target['refId']} failed: {e}")
                    continue
                if not result:
                    failures.append(f"{name}: panel '{panel['title']}' query {target['refId']} returns no data: {expr}")
    print(f"panels: {checked} queries checked")
    return failures


def check_rules(deploy, prometheus):
    failures = []
    expected = set()
    for rules in sorted((deploy / "prometheus" / "rules").glob("*.yml")):
        for group in yaml.safe_load(rules.read_text())["groups"]:
            expected |= {r["alert"] for r in group["rules"] if "alert" in r}
    loaded = {}
    for group in query(prometheus, "/api/v1/rules")["groups"]:
        for rule in group["rules"]:
            loaded[rule["name"]] = rule
    for name in sorted(expected):
        rule = loaded.get(name)
        if rule is None:
            failures.append(f"alert {name}: not loaded by Prometheus")
        elif rule.get("health") != "ok":
            failures.append(f"alert {name}: evaluation {rule.get('health')}: {rule.get('lastError')}")
    firing = sorted({a["labels"]["alertname"] for a in query(prometheus, "/api/v1/alerts")["alerts"]})
    print(f"rules: {len(expected)} alerts loaded and evaluated without error; pending or firing now: {firing or 'none'}")
    return failures


def check_labels(prometheus):
    failures = []
    names = query(prometheus, "/api/v1/labels")
    values_seen = 0
    for label in names:
        values = query(prometheus, f"/api/v1/label/{urllib.parse.quote(label)}/values")
        values_seen += len(values)
        if label == "__name__":
            continue
        for value in values:
            for what, pattern in FORBIDDEN_VALUES:
                if pattern.search(value):
                    failures.append(f"label {label}: value '{value}' looks like {what}")
        if label not in PLATFORM_LABELS and len(values) > MAX_VALUES_PER_LABEL:
            failures.append(f"label {label}: {len(values)} distinct values (more than {MAX_VALUES_PER_LABEL}):"
                            f" unbounded? e.g. {values[:5]}")
    series = query(prometheus, "/api/v1/query", query="count({__name__=~'.+'})")["result"]
    total = int(float(series[0]["value"][1])) if series else 0
    print(f"labels: {len(names)} label names, {values_seen} values, {total} series checked")
    return failures + check_histograms(prometheus)


def check_histograms(prometheus):
    """The business timers have SLO buckets, none per dealer or technician, and no service exceeds its series budget."""
    failures = []
    for timer in BUSINESS_HISTOGRAMS:
        found = query(prometheus, "/api/v1/query", query=f"count({timer}_bucket)")["result"]
        if not found:
            failures.append(f"histograms: {timer} has no _bucket series (no p95 can be drawn)")
    per_party = query(prometheus, "/api/v1/query",
                      query="count by (__name__) ({__name__=~'.+_bucket', job='aftersales', dealer!=''} "
                            "or {__name__=~'.+_bucket', job='aftersales', technician!=''})")["result"]
    for row in per_party:
        failures.append(f"histograms: {row['metric']['__name__']} has buckets per dealer or technician")
    budgets = query(prometheus, "/api/v1/query",
                    query="count by (application) ({job='aftersales'})")["result"]
    for row in budgets:
        count = int(float(row["value"][1]))
        if count > SERIES_BUDGET:
            failures.append(f"series budget: {row['metric'].get('application')} exports {count} series"
                            f" (budget {SERIES_BUDGET})")
    sizes = {row['metric'].get('application'): row['value'][1] for row in budgets}
    print(f"histograms: {len(BUSINESS_HISTOGRAMS)} business timers with buckets; series per service {sizes}"
          f" (budget {SERIES_BUDGET})")
    return failures


def check_consumers(table, prometheus):
    """A normal day fills no dead-letter topic, and demo traffic exercises every declared handler."""
    failures = []
    handled = {}
    for row in query(prometheus, "/api/v1/query",
                     query="sum by (application, type) (aftersales_events_handled_seconds_count)")["result"]:
        handled[(row["metric"].get("application"), row["metric"].get("type"))] = float(row["value"][1])
    lines = [line for line in table.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    declared = [row for row in csv.DictReader(lines) if row["use"] == "HANDLED"]
    # The timer's type tag is the catalog entry's name: ComplaintRegistered → COMPLAINT_REGISTERED.
    entry = lambda event: re.sub(r"(?<!^)(?=[A-Z])", "_", event).upper()
    unseen = [row for row in declared if handled.get((row["service"] + "-service", entry(row["event"])), 0) <= 0]
    for row in unseen:
        failures.append(f"handled: {row['service']} has not handled a {row['event']} yet")
    for row in query(prometheus, "/api/v1/query",
                     query="sum by (application, topic) (aftersales_events_dead_lettered_total) > 0")["result"]:
        failures.append(f"dead letters: {row['metric'].get('application')} dead-lettered"
                        f" {row['value'][1]} records from {row['metric'].get('topic')}")
    print(f"consumers: {len(declared)} handled pairs declared, {len(declared) - len(unseen)} seen")
    return failures


def main(argv):
    command = argv[1]
    if command == "static":
        failures = static(pathlib.Path(argv[2]))
    elif command == "panels":
        failures = check_panels(pathlib.Path(argv[2]), argv[3])
    elif command == "rules":
        failures = check_rules(pathlib.Path(argv[2]), argv[3])
    elif command == "labels":
        failures = check_labels(argv[2])
    elif command == "consumers":
        failures = check_consumers(pathlib.Path(argv[2]), argv[3])
    else:
        raise SystemExit(__doc__)
    for failure in failures:
        print("FAIL " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
