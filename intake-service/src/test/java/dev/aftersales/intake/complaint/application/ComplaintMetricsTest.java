package dev.aftersales.intake.complaint.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.SlaClock;
import dev.aftersales.intake.complaint.domain.Milestone;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The meter names are read by deploy/grafana's dashboards and deploy/prometheus' alert rules. */
class ComplaintMetricsTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ComplaintMetrics metrics = new ComplaintMetrics(meters);

    double count(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    @Test
    void every_meter_a_dashboard_shows_a_rate_of_exists_at_zero_from_the_start() {
        for (var kind : ComplaintKind.values()) {
            for (var channel : Channel.values()) {
                assertThat(count("aftersales.complaints.registered", "kind", kind.name(), "channel", channel.name()))
                        .isZero();
            }
            assertThat(count("aftersales.intake.resolved.by.phone", "kind", kind.name()))
                    .isZero();
            for (var clock : SlaClock.values()) {
                assertThat(count("aftersales.sla.breaches", "clock", clock.name(), "kind", kind.name()))
                        .isZero();
            }
        }
        assertThat(count("aftersales.intake.calls.repeated")).isZero();
        assertThat(count("aftersales.intake.cases.escalated")).isZero();
        assertThat(count("aftersales.intake.cases.closed")).isZero();
        assertThat(count("aftersales.intake.cases.reopened")).isZero();
        assertThat(meters.get("aftersales.intake.first.answer").timer().count()).isZero();
        assertThat(meters.get("aftersales.intake.calls.per.case").summary().count())
                .isZero();
        for (var kind : dev.aftersales.contracts.intake.ResolutionKind.values()) {
            assertThat(count("aftersales.resolution.actions.overdue", "kind", kind.name()))
                    .isZero();
        }
        for (var kind : dev.aftersales.contracts.intake.GoodwillKind.values()) {
            assertThat(count("aftersales.goodwill.cost", "dealer", "none", "kind", kind.name()))
                    .isZero();
        }
    }

    @Test
    void goodwill_adds_its_amount_to_the_cost_of_the_machines_dealer() {
        metrics.goodwill(dev.aftersales.contracts.intake.GoodwillKind.GIFT, "D-SH", new java.math.BigDecimal("120.50"));
        metrics.goodwill(dev.aftersales.contracts.intake.GoodwillKind.GIFT, "D-SH", new java.math.BigDecimal("79.50"));

        assertThat(count("aftersales.goodwill.cost", "dealer", "D-SH", "kind", "GIFT"))
                .isEqualTo(200.0);
        assertThat(count("aftersales.goodwill.cost", "dealer", "none", "kind", "GIFT"))
                .isZero();
    }

    @Test
    void each_fact_counts_under_its_name_and_tags() {
        metrics.registered(ComplaintKind.REPAIR, Channel.DEALER);
        metrics.callRepeated();
        metrics.escalated();
        metrics.firstAnswered(Duration.ofMinutes(30));
        metrics.resolvedByPhone(ComplaintKind.MAINTENANCE);
        metrics.slaBreached(SlaClock.ON_SITE, ComplaintKind.INSTALLATION);
        metrics.closed(3);
        metrics.reopened();
        metrics.timelineEvent(Milestone.TECHNICIAN_ARRIVED, false);
        metrics.timelineEvent(Milestone.TECHNICIAN_ARRIVED, true);

        assertThat(count("aftersales.complaints.registered", "kind", "REPAIR", "channel", "DEALER"))
                .isEqualTo(1);
        assertThat(count("aftersales.complaints.registered", "kind", "REPAIR", "channel", "HOTLINE"))
                .isZero();
        assertThat(count("aftersales.intake.calls.repeated")).isEqualTo(1);
        assertThat(count("aftersales.intake.cases.escalated")).isEqualTo(1);
        assertThat(meters.get("aftersales.intake.first.answer").timer().totalTime(TimeUnit.MINUTES))
                .isEqualTo(30);
        assertThat(count("aftersales.intake.resolved.by.phone", "kind", "MAINTENANCE"))
                .isEqualTo(1);
        assertThat(count("aftersales.sla.breaches", "clock", "ON_SITE", "kind", "INSTALLATION"))
                .isEqualTo(1);
        assertThat(count("aftersales.intake.cases.closed")).isEqualTo(1);
        assertThat(meters.get("aftersales.intake.calls.per.case").summary().totalAmount())
                .isEqualTo(3);
        assertThat(count("aftersales.intake.cases.reopened")).isEqualTo(1);
        assertThat(count("aftersales.timeline.events", "type", "TECHNICIAN_ARRIVED", "outcome", "recorded"))
                .isEqualTo(1);
        assertThat(count("aftersales.timeline.events", "type", "TECHNICIAN_ARRIVED", "outcome", "duplicate"))
                .isEqualTo(1);
    }
}
