#!/usr/bin/env python3
"""Writes the Grafana dashboards in deploy/grafana/dashboards/ (the JSON files are checked in).

Edit the panels here and run `python3 deploy/grafana/generate-dashboards.py`; verify-observability.sh
then checks that every panel has a title and a unit and that its queries return data.
Panels filter by $dealer where the metric has a dealer (dealers are chained to $region through
aftersales_archive_installations, which carries both).
Gauges counted from the database (backlogs, waiting lists, stock value, satisfaction, installed base)
are exported by one instance of their service, the holder of its database-gauges lease: panels take
their max over instances, never the sum, so they read the same with one instance or several (during
a hand-over two instances may export the same figure for a moment)."""
import json
import pathlib

DS = {"type": "prometheus", "uid": "aftersales-prometheus"}
W = 8  # default panel width (24 columns)


def variables():
    return {"list": [
        {"name": "region", "label": "Region", "type": "query", "datasource": DS,
         "query": {"query": "label_values(aftersales_archive_installations, region)", "refId": "region"},
         "definition": "label_values(aftersales_archive_installations, region)",
         "includeAll": True, "multi": True, "refresh": 2, "sort": 1,
         "current": {"selected": True, "text": ["All"], "value": ["$__all"]}},
        {"name": "dealer", "label": "Dealer", "type": "query", "datasource": DS,
         "query": {"query": 'label_values(aftersales_archive_installations{region=~"$region"}, dealer)',
                   "refId": "dealer"},
         "definition": 'label_values(aftersales_archive_installations{region=~"$region"}, dealer)',
         "includeAll": True, "multi": True, "refresh": 2, "sort": 1,
         "current": {"selected": True, "text": ["All"], "value": ["$__all"]}},
    ]}


def panel(kind, title, unit, targets, description, w=W, h=8, **options):
    if isinstance(targets, str):
        targets = [(targets, "")]
    p = {
        "type": kind,
        "title": title,
        "description": description,
        "datasource": DS,
        "gridPos": {"w": w, "h": h},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "targets": [
            {"datasource": DS, "refId": chr(65 + i), "expr": expr, "legendFormat": legend or "__auto",
             **({"instant": True} if kind in ("stat", "bargauge", "piechart", "gauge") else {"range": True})}
            for i, (expr, legend) in enumerate(targets)
        ],
    }
    defaults = p["fieldConfig"]["defaults"]
    if "thresholds" in options:
        defaults["thresholds"] = {"mode": "absolute", "steps": options.pop("thresholds")}
        defaults["color"] = {"mode": "thresholds"}
    if "mappings" in options:
        defaults["mappings"] = options.pop("mappings")
    if "minmax" in options:
        defaults["min"], defaults["max"] = options.pop("minmax")
    if kind == "timeseries":
        defaults["custom"] = {"drawStyle": "line", "lineWidth": 2, "fillOpacity": 10,
                              "stacking": {"mode": options.pop("stack", "none")}}
        p["options"] = {"legend": {"displayMode": "table", "placement": "bottom", "calcs": ["lastNotNull"]},
                        "tooltip": {"mode": "multi"}}
    elif kind == "stat":
        p["options"] = {"reduceOptions": {"calcs": ["lastNotNull"]}, "colorMode": "background",
                        "graphMode": "none", "textMode": "auto"}
    elif kind == "bargauge":
        p["options"] = {"reduceOptions": {"calcs": ["lastNotNull"]}, "orientation": "horizontal",
                        "displayMode": "gradient", "showUnfilled": True}
    elif kind == "piechart":
        p["options"] = {"reduceOptions": {"calcs": ["lastNotNull"]}, "pieType": "donut",
                        "legend": {"displayMode": "table", "placement": "right", "values": ["value", "percent"]}}
    p.update(options)
    return p


GOOD_HIGH = [{"color": "red", "value": None}, {"color": "orange", "value": 0.8}, {"color": "green", "value": 0.9}]
ZERO_GOOD = [{"color": "green", "value": None}, {"color": "red", "value": 1}]
RATE = "$__rate_interval"


def share(part, whole, by="", window="1d"):
    """part / whole of two counters' increases over `window`, grouped `by`."""
    group = f" by ({by})" if by else ""
    return f"sum{group} (increase({part}[{window}])) / sum{group} (increase({whole}[{window}]))"


def quantile(q, histogram, window):
    """The q-quantile of a timer's SLO buckets over `window` (buckets, not an average: the slow tail shows)."""
    return f"histogram_quantile({q}, sum by (le) (rate({histogram}_bucket[{window}])))"


def p95(histogram, window):
    return quantile(0.95, histogram, window)


def dashboard(uid, title, description, panels):
    x = y = 0
    row_h = 0
    for i, p in enumerate(panels):
        p["id"] = i + 1
        w, h = p["gridPos"]["w"], p["gridPos"]["h"]
        if x + w > 24:
            x, y = 0, y + row_h
            row_h = 0
        p["gridPos"].update({"x": x, "y": y})
        x += w
        row_h = max(row_h, h)
    return {
        "uid": uid, "title": title, "description": description, "tags": ["aftersales"],
        "timezone": "browser", "schemaVersion": 39, "version": 1, "editable": True,
        "refresh": "30s", "time": {"from": "now-6h", "to": "now"},
        "templating": variables(), "annotations": {"list": []},
        "links": [{"type": "dashboards", "tags": ["aftersales"], "asDropdown": True, "title": "After-sales"}],
        "panels": panels,
    }


D = 'dealer=~"$dealer"'

hotline = dashboard("aftersales-hotline", "Hotline & SLA",
    "Who is waiting and for how long, which SLA clocks are breaking. The hotline is central: these "
    "panels cover every dealer (the dealer and region filters apply on the other dashboards).", [
    panel("stat", "Customers waiting for a first answer", "suffix: customers",
          "max(aftersales_intake_cases_unanswered)",
          "Open cases whose customer has not been answered yet (the supervisor's waiting list).", w=6, h=5,
          thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 10}]),
    panel("stat", "Waiting beyond the 4 h first-answer clock", "suffix: customers",
          "max(aftersales_intake_cases_unanswered_overdue)",
          "Customers still without an answer after their first-answer deadline. Should be 0.", w=6, h=5,
          thresholds=ZERO_GOOD),
    panel("stat", "Longest wait for a first answer", "s",
          "max(aftersales_intake_cases_unanswered_oldest_seconds)",
          "How long the customer waiting longest has waited so far.", w=6, h=5,
          thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 7200},
                      {"color": "red", "value": 14400}]),
    panel("stat", "SLA breach rate (last 24 h)", "percentunit",
          share("aftersales_sla_breaches_total", "aftersales_complaints_registered_total"),
          "SLA clocks breached per case registered in the last 24 hours.", w=6, h=5,
          thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 0.02},
                      {"color": "red", "value": 0.05}]),
    panel("timeseries", "New cases per hour by kind", "suffix: cases/h",
          [(f"sum by (kind) (rate(aftersales_complaints_registered_total[{RATE}])) * 3600", "{{kind}}")],
          "Cases opened by the hotline, by kind of complaint.", w=12, stack="normal"),
    panel("timeseries", "SLA breaches per hour by clock", "suffix: breaches/h",
          [(f"sum by (clock) (rate(aftersales_sla_breaches_total[{RATE}])) * 3600", "{{clock}}")],
          "First answer (4 h), on site (24 h), fully handled (30 days).", w=12),
    panel("bargauge", "Open cases by status", "suffix: cases",
          [("max by (status) (aftersales_intake_cases_open)", "{{status}}")],
          "Where the open cases stand now.", w=8),
    panel("piechart", "Cases by channel (last 24 h)", "suffix: cases",
          [("sum by (channel) (increase(aftersales_complaints_registered_total[1d]))", "{{channel}}")],
          "How customers reached us: hotline, dealer, salesperson, web, consumer association.", w=8),
    panel("stat", "Settled by phone (last 24 h)", "percentunit",
          share("aftersales_intake_resolved_by_phone_total", "aftersales_complaints_registered_total"),
          "Share of new cases settled by phone guidance without a visit.", w=4, h=8),
    panel("stat", "Time to first answer (p95)", "s",
          p95("aftersales_intake_first_answer_seconds", "6h"),
          "95 % of cases got their first answer within this time, over the last 6 hours (due within 4 h).",
          w=4, h=8),
    panel("timeseries", "Repeat calls and escalations per hour", "suffix: calls/h",
          [(f"sum(rate(aftersales_intake_calls_repeated_total[{RATE}])) * 3600", "repeat calls on an open case"),
           (f"sum(rate(aftersales_intake_cases_escalated_total[{RATE}])) * 3600", "escalated (3rd call)")],
          "Customers calling again about a case that is still open.", w=12),
    panel("timeseries", "Cases closed and reopened per hour", "suffix: cases/h",
          [(f"sum(rate(aftersales_intake_cases_closed_total[{RATE}])) * 3600", "closed (customer satisfied)"),
           (f"sum(rate(aftersales_intake_cases_reopened_total[{RATE}])) * 3600", "reopened (dissatisfied)")],
          "A case closes only when the customer says they are satisfied.", w=12),
    panel("stat", "Cases with resolution actions overdue", "suffix: cases",
          "max(aftersales_resolution_actions_overdue_cases)",
          "Open cases with an action of the agreed resolution (refund, replacement, revisit…) past the time "
          "promised to the customer and not done. GET /api/complaints/overdue-actions lists them.", w=6, h=8,
          thresholds=ZERO_GOOD),
    panel("timeseries", "Resolution actions falling overdue per hour by kind", "suffix: actions/h",
          [(f"sum by (kind) (rate(aftersales_resolution_actions_overdue_total[{RATE}])) * 3600", "{{kind}}")],
          "Each action counts once, when its promised time passes without it being done.", w=9),
    panel("bargauge", "Goodwill cost by dealer (last 24 h)", "currencyCNY",
          [("sum by (dealer) (increase(aftersales_goodwill_cost_total[1d]))", "{{dealer}}")],
          "Gifts, waivers and discounts given to make up for failures, by the machine's dealer "
          "(none: a machine the archive does not know).", w=9),
])

dispatch = dashboard("aftersales-dispatch", "Dispatch & technicians",
    "Whether the original installers take their jobs, appointments kept, first-time fix per dealer. "
    "Dealer and region filters apply to the per-dealer panels.", [
    panel("stat", "Sent to the original installer (last 24 h)", "percentunit",
          share('aftersales_assignments_made_total{rule="ORIGINAL_INSTALLER"}', "aftersales_assignments_made_total"),
          "Share of assignments (incl. re-offers) that went to the machine's original installer.", w=6, h=5,
          thresholds=GOOD_HIGH),
    panel("stat", "Offers accepted (last 24 h)", "percentunit",
          share(f'aftersales_assignments_offers_total{{outcome="ACCEPTED",{D}}}', f"aftersales_assignments_offers_total{{{D}}}"),
          "Offers accepted by the technician, of all offers answered or timed out.", w=6, h=5,
          thresholds=GOOD_HIGH),
    panel("stat", "Technician on site within the SLA (last 24 h)", "percentunit",
          share(f'aftersales_visits_arrived_total{{sla="MET",{D}}}', f"aftersales_visits_arrived_total{{{D}}}"),
          "Arrivals before the on-site deadline (24 h by default).", w=6, h=5, thresholds=GOOD_HIGH),
    panel("stat", "Escalated to the dispatcher (last 24 h)", "suffix: cases",
          'sum(increase(aftersales_assignments_made_total{rule="ESCALATED"}[1d]))',
          "Cases for which the rule chain found nobody: they wait on the dispatcher's list.", w=6, h=5,
          thresholds=ZERO_GOOD),
    panel("timeseries", "Assignments per hour by rule step", "suffix: assignments/h",
          [(f"sum by (rule) (rate(aftersales_assignments_made_total[{RATE}])) * 3600", "{{rule}}")],
          "Original installer → dealer colleague → service point → regional centre → escalated.", w=12,
          stack="normal"),
    panel("bargauge", "Appointments by outcome (last 24 h)", "suffix: appointments",
          [(f"sum by (outcome) (increase(aftersales_appointments_total{{{D}}}[1d]))", "{{outcome}}")],
          "Kept, moved with at least 2 h notice, or broken (moved late or nobody came).", w=12),
    panel("bargauge", "First-time fix by dealer (last 24 h)", "percentunit",
          [(share(f'aftersales_visits_first_time_fix_total{{outcome="FIRST_TIME_FIX",{D}}}',
                  f"aftersales_visits_first_time_fix_total{{{D}}}", by="dealer"), "{{dealer}}")],
          "Visits that fixed the machine without another visit within 30 days.", w=8,
          thresholds=GOOD_HIGH, minmax=(0, 1)),
    panel("bargauge", "Broken appointments by technician (last 24 h)", "suffix: appointments",
          [(f'sum by (technician) (increase(aftersales_appointments_total{{outcome="BROKEN",{D}}}[1d]))',
            "{{technician}}")],
          "Appointments moved less than 2 h ahead or missed, per technician.", w=8),
    panel("bargauge", "Offers declined or timed out by reason (last 24 h)", "suffix: offers",
          [(f'sum by (reason) (increase(aftersales_assignments_offers_total{{outcome!="ACCEPTED",{D}}}[1d]))',
            "{{reason}}")],
          "Why technicians did not take the job.", w=8),
    panel("timeseries", "Time from decision to technician on site (p50, p95)", "s",
          [(quantile(0.5, "aftersales_visits_time_to_arrive_seconds", "6h"), "p50"),
           (quantile(0.95, "aftersales_visits_time_to_arrive_seconds", "6h"), "p95")],
          "From the rule chain's decision to arrival, over 6 hours (target 6 h, promised 24 h). "
          "Per dealer: the on-site-within-SLA share above.", w=12),
    panel("timeseries", "Visits completed per hour", "suffix: visits/h",
          [(f"sum by (outcome) (rate(aftersales_visits_completed_total[{RATE}])) * 3600", "{{outcome}}")],
          "Visits reported done by the technicians, fixed or not.", w=12, stack="normal"),
    panel("bargauge", "Installed machines by dealer", "suffix: machines",
          [('max by (dealer) (aftersales_archive_installations{region=~"$region",' + D + '})', "{{dealer}}")],
          "The dealer's installed base in the archive (who installed which machine).", w=12),
    panel("stat", "Time to assign (p95)", "s",
          p95("aftersales_assignments_time_to_assign_seconds", "6h"),
          "95 % of cases had their technician's offer within this time of registration, over 6 hours.", w=12),
    panel("stat", "Escalated cases waiting for a dispatcher", "suffix: cases",
          "max(aftersales_assignments_escalated_waiting)",
          "Cases the rule chain found nobody for, on GET /api/assignments?status=ESCALATED.", w=12),
    panel("stat", "Oldest escalated case waiting", "s",
          "max(aftersales_assignments_escalated_oldest_seconds)",
          "Since the rule chain gave up; the EscalatedCasesWaiting alert fires past an hour.", w=12),
])

parts = dashboard("aftersales-parts", "Parts",
    "Whether parts are where the technicians are: reservation outcomes, fill rate, time until ready, "
    "backorders and the book value of stock.", [
    panel("stat", "Fill rate at the technician's own dealer (last 24 h)", "percentunit",
          share('aftersales_parts_reservations_total{outcome="OWN_DEALER"}', "aftersales_parts_requests_total"),
          "Parts requests served at once from the technician's own dealer.", w=6, h=5, thresholds=GOOD_HIGH),
    panel("stat", "Open backorders", "suffix: backorders", "max(aftersales_parts_backorders_open)",
          "Requests no location could serve; they are served in line when stock arrives.", w=6, h=5,
          thresholds=ZERO_GOOD),
    panel("stat", "Oldest open backorder", "s", "max(aftersales_parts_backorders_oldest_seconds)",
          "How long the technician waiting longest for a part has waited.", w=6, h=5,
          thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 86400},
                      {"color": "red", "value": 259200}]),
    panel("stat", "Book value of spare parts", "prefix:¥", "max(aftersales_parts_stock_value)",
          "Value of parts on hand after write-down by age (36 months to zero).", w=6, h=5),
    panel("timeseries", "Reservation outcomes per hour", "suffix: requests/h",
          [(f"sum by (outcome) (rate(aftersales_parts_reservations_total[{RATE}])) * 3600", "{{outcome}}")],
          "Own dealer, transfer from another dealer, factory, or backorder.", w=12, stack="normal"),
    panel("timeseries", "Time until parts are ready (p50, p95)", "s",
          [(quantile(0.5, "aftersales_parts_time_until_ready_seconds", "6h"), "p50"),
           (quantile(0.95, "aftersales_parts_time_until_ready_seconds", "6h"), "p95")],
          "From the technician's request to the part being ready at his dealer (0 when in stock), over 6 hours.",
          w=12),
    panel("timeseries", "Stock-outs per hour", "suffix: stock-outs/h",
          [(f"sum(rate(aftersales_parts_stockouts_total[{RATE}])) * 3600", "own dealer could not supply")],
          "Requests the technician's own dealer could not serve from stock.", w=8),
    panel("bargauge", "Backorders waiting by dealer", "suffix: backorders",
          [(f"max by (dealer) (aftersales_parts_backorders_waiting{{{D}}})", "{{dealer}}")],
          "Backorders still waiting, by the dealer whose technician asked.", w=8),
    panel("timeseries", "Parts used and released per hour", "suffix: units/h",
          [(f"sum(rate(aftersales_parts_consumed_units_total[{RATE}])) * 3600", "used on visits"),
           (f"sum(rate(aftersales_parts_released_total[{RATE}])) * 3600", "reservations released")],
          "Units consumed by completed visits; reservations released (expired or cancelled).", w=8),
])

satisfaction = dashboard("aftersales-satisfaction", "Satisfaction & quality",
    "Whether customers are satisfied: SERVQUAL gaps by dimension, satisfaction, the loop until "
    "satisfied, return calls and repeat failures.", [
    panel("stat", "Mean satisfaction", "suffix: / 5", "max(aftersales_survey_satisfaction_mean)",
          "Mean of every satisfaction answer (1 = very dissatisfied, 5 = very satisfied).", w=6, h=5,
          thresholds=[{"color": "red", "value": None}, {"color": "orange", "value": 3.5},
                      {"color": "green", "value": 4}]),
    panel("stat", "Overall SERVQUAL gap", "suffix: points", 'max(aftersales_servqual_gap{dimension="OVERALL"})',
          "Perception minus expectation on a 1–7 scale; below 0 the service falls short of what customers expect.",
          w=6, h=5, thresholds=[{"color": "red", "value": None}, {"color": "orange", "value": -1},
                                {"color": "green", "value": 0}]),
    panel("stat", "Cases reopened (last 24 h)", "percentunit",
          "sum(increase(aftersales_intake_cases_reopened_total[1d])) / (sum(increase(aftersales_intake_cases_closed_total[1d])) + sum(increase(aftersales_intake_cases_reopened_total[1d])))",
          "Follow-ups where the customer was not satisfied and the case went to another round.", w=6, h=5,
          thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 0.1},
                      {"color": "red", "value": 0.2}]),
    panel("stat", "Customers reached on return calls (last 24 h)", "percentunit",
          share('aftersales_returncalls_made_total{outcome="REACHED"}', "aftersales_returncalls_made_total"),
          "Return-call attempts that reached the customer.", w=6, h=5, thresholds=GOOD_HIGH),
    panel("bargauge", "SERVQUAL gap by dimension", "suffix: points",
          [('max by (dimension) (aftersales_servqual_gap{dimension!="OVERALL"})', "{{dimension}}")],
          "Reliability, responsiveness, assurance, empathy, tangibles: perception minus expectation.", w=12,
          minmax=(-6, 6)),
    panel("timeseries", "Satisfaction of surveys answered (hourly mean)", "suffix: / 5",
          [("sum(rate(aftersales_survey_satisfaction_sum[1h])) / sum(rate(aftersales_survey_satisfaction_count[1h]))",
            "mean satisfaction")],
          "Mean satisfaction of the surveys answered in the last hour.", w=12, minmax=(1, 5)),
    panel("bargauge", "Follow-up outcomes by round (last 24 h)", "suffix: cases",
          [("sum by (outcome, round) (increase(aftersales_followup_rounds_total[1d]))", "round {{round}} {{outcome}}")],
          "Satisfied, dissatisfied (another visit) or escalated to a supervisor, by round of the case.", w=8),
    panel("bargauge", "Repeat failures by model (last 30 days)", "suffix: failures",
          [("sum by (model) (increase(aftersales_quality_repeat_failures_total[30d]))", "{{model}}")],
          "New complaints within 90 days of a completed visit to the same machine.", w=8),
    panel("stat", "Repeat-failure rate (last 24 h)", "percentunit",
          share('aftersales_quality_faults_total{outcome="repeat"}', "aftersales_quality_faults_total"),
          "Complaints that are repeat failures, of all complaints about a machine.", w=8, h=8,
          thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 0.05},
                      {"color": "red", "value": 0.1}]),
    panel("timeseries", "Return calls due and overdue", "suffix: calls",
          [("max(aftersales_returncalls_due)", "due now"), ("max(aftersales_returncalls_overdue)", "overdue > 1 day")],
          "Return calls the agents should make now, and those more than a day late.", w=12),
    panel("timeseries", "Unreachable customers and silent customers", "suffix: customers",
          [("sum(increase(aftersales_returncalls_unreachable_total[1d]))", "unreachable (last 24 h)"),
           ("max(aftersales_care_silent)", "no contact for 180 days")],
          "Customers the return-call agents could not reach; customers we have not heard from in 180 days.", w=12),
])

platform = dashboard("aftersales-platform", "Platform",
    "Whether the platform itself is healthy: services up, Kafka consumer lag, dead letters, outbox "
    "backlog, HTTP errors and the JVMs.", [
    panel("stat", "Services up", "bool_yes_no", [('max by (service) (up{job="aftersales"})', "{{service}}")],
          "Each service answers Prometheus on /actuator/prometheus.", w=6, h=5,
          thresholds=[{"color": "red", "value": None}, {"color": "green", "value": 1}],
          mappings=[{"type": "value", "options": {"0": {"text": "DOWN"}, "1": {"text": "UP"}}}]),
    panel("stat", "Dead-lettered events (last 24 h)", "suffix: events",
          [("sum by (application) (increase(aftersales_events_dead_lettered_total[1d]))", "{{application}}")],
          "Events a service could not process, parked on its own <topic>.<service>.DLT; inspect and replay via "
          "/admin/dead-letters on that service.",
          w=6, h=5, thresholds=ZERO_GOOD),
    panel("stat", "Forged records refused (last 24 h)", "suffix: records",
          [("sum by (application) (increase(aftersales_events_forged_total[1d]))", "{{application}}")],
          "Records whose ce_source is not their topic's producer, or whose type belongs on another topic: "
          "dead-lettered unhandled. Anything above 0 means a misused credential or a cluster without ACLs.",
          w=6, h=5, thresholds=ZERO_GOOD),
    panel("stat", "Outbox backlog", "suffix: events",
          [("sum by (application) (aftersales_outbox_backlog + aftersales_outbox_queued)", "{{application}}")],
          "Events saved with their aggregate but not yet acknowledged by Kafka.", w=6, h=5,
          thresholds=[{"color": "green", "value": None}, {"color": "red", "value": 100}]),
    panel("timeseries", "Kafka consumer lag", "suffix: events",
          [("max by (application) (kafka_consumer_fetch_manager_records_lag_max)", "{{application}}")],
          "How many events a service's consumers are behind (the largest lag of any partition).", w=12),
    panel("timeseries", "Event delay from raise to Kafka (p95)", "s",
          [(f"histogram_quantile(0.95, sum by (application, le) (rate(aftersales_outbox_delay_seconds_bucket[{RATE}])))",
            "{{application}}")],
          "From the state change to the broker's acknowledgement of its event; 95 % were faster.", w=12),
    panel("timeseries", "Events published and handled per second", "suffix: events/s",
          [(f"sum by (application) (rate(aftersales_outbox_published_total[{RATE}]))", "{{application}} published"),
           (f"sum by (application) (rate(aftersales_events_handled_seconds_count[{RATE}]))", "{{application}} handled")],
          "Throughput of the event streams.", w=12),
    panel("timeseries", "HTTP requests per second", "reqps",
          [(f"sum by (application) (rate(http_server_requests_seconds_count[{RATE}]))", "{{application}}")],
          "Requests from agents, technicians' apps, dealers and Prometheus.", w=12),
    panel("timeseries", "HTTP request latency (p99, feed streams excluded)", "s",
          [(f'histogram_quantile(0.99, sum by (application, le) '
            f'(rate(http_server_requests_seconds_bucket{{uri!~".*/feed.*"}}[{RATE}])))', "{{application}}")],
          "99 % of requests were answered faster; the SlowRequests alert fires above 1 s for 10 minutes.", w=12),
    panel("timeseries", "HTTP server errors (5xx share)", "percentunit",
          [(f'(sum by (application) (rate(http_server_requests_seconds_count{{status=~"5.."}}[{RATE}])) '
            f'or sum by (application) (rate(http_server_requests_seconds_count[{RATE}])) * 0) / '
            f'sum by (application) (rate(http_server_requests_seconds_count[{RATE}]))', "{{application}}")],
          "Share of requests answered with a server error. Bad input is a 4xx by design.", w=12),
    panel("timeseries", "HTTP requests refused (4xx share)", "percentunit",
          [(f'(sum by (application) (rate(http_server_requests_seconds_count{{status=~"4.."}}[{RATE}])) '
            f'or sum by (application) (rate(http_server_requests_seconds_count[{RATE}])) * 0) / '
            f'sum by (application) (rate(http_server_requests_seconds_count[{RATE}]))', "{{application}}")],
          "Invalid input, missing permissions, conflicts (409): the callers' side.", w=12),
    panel("timeseries", "JVM heap used", "bytes",
          [('sum by (application) (jvm_memory_used_bytes{area="heap"})', "{{application}}")],
          "Heap in use per service.", w=8),
    panel("timeseries", "Time spent in garbage collection", "percentunit",
          [(f"sum by (application) (rate(jvm_gc_pause_seconds_sum[{RATE}]))", "{{application}}")],
          "Share of wall-clock time paused for GC.", w=8),
    panel("timeseries", "CPU used by each service", "percentunit",
          [("max by (application) (process_cpu_usage)", "{{application}}")],
          "Process CPU usage (1 = all cores).", w=8),
    panel("timeseries", "Store command time (average)", "s",
          [(f"sum by (application) (rate(mongodb_driver_commands_seconds_sum[{RATE}])) / "
            f"sum by (application) (rate(mongodb_driver_commands_seconds_count[{RATE}]))", "{{application}}")],
          "Average MongoDB command time seen by intake, dispatch and follow-up; parts turns Boot's per-command timer off "
          "(a storm sends several commands per request and the timer cost it 2–7 % of its CPU).", w=12),
    panel("timeseries", "Live threads", "suffix: threads",
          [("sum by (application) (jvm_threads_live_threads)", "{{application}}")],
          "Threads per service (one per connected technician feed, among others).", w=12),
])

out = pathlib.Path(__file__).resolve().parent / "dashboards"
out.mkdir(exist_ok=True)
for name, board in [("hotline-and-sla", hotline), ("dispatch-and-technicians", dispatch), ("parts", parts),
                    ("satisfaction-and-quality", satisfaction), ("platform", platform)]:
    (out / f"{name}.json").write_text(json.dumps(board, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{name}.json: {len(board['panels'])} panels")
