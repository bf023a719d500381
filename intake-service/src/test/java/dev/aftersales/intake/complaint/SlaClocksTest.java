package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.TechnicianArrived;
import dev.aftersales.contracts.followup.CustomerSatisfied;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.SlaBreached;
import dev.aftersales.contracts.intake.SlaClock;
import dev.aftersales.intake.complaint.application.SweepSlaClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The clock is moved by hand and the sweep called directly. Each test uses a kind of complaint of
 * its own, so the breach counters it reads are not moved by cases of other tests.
 */
class SlaClocksTest extends HotlineSliceTest {

    @Autowired
    SweepSlaClocks sweep;

    Instant due(JsonNode view, String clock) {
        return Instant.parse(view.path("clocks").path(clock).path("dueAt").asString());
    }

    String state(String id, String clock) {
        return hotline.caseView(AGENT, id)
                .path("clocks")
                .path(clock)
                .path("state")
                .asString();
    }

    double breaches(SlaClock clock, ComplaintKind kind) {
        return counter("aftersales.sla.breaches", "clock", clock.name(), "kind", kind.name());
    }

    @Test
    void each_clock_breaches_exactly_once_at_its_deadline() {
        var kind = ComplaintKind.RELOCATION;
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var id = registered(Hotline.form(
                    Hotline.form().path("machine").path("serialNumber").asString(), kind.name()));
            var view = hotline.caseView(AGENT, id);
            var before = new double[] {
                breaches(SlaClock.FIRST_ANSWER, kind),
                breaches(SlaClock.ON_SITE, kind),
                breaches(SlaClock.RESOLUTION, kind)
            };

            for (var clockName : List.of("firstAnswer", "onSite", "resolution")) {
                var dueAt = due(view, clockName);
                clock.set(dueAt.minusMillis(1));
                sweep.sweep();
                assertThat(state(id, clockName))
                        .as(clockName + " a millisecond early")
                        .isEqualTo("RUNNING");

                clock.set(dueAt);
                sweep.sweep();
                assertThat(state(id, clockName))
                        .as(clockName + " at its deadline")
                        .isEqualTo("BREACHED");
                sweep.sweep();
            }

            assertThat(breaches(SlaClock.FIRST_ANSWER, kind)).isEqualTo(before[0] + 1);
            assertThat(breaches(SlaClock.ON_SITE, kind)).isEqualTo(before[1] + 1);
            assertThat(breaches(SlaClock.RESOLUTION, kind)).isEqualTo(before[2] + 1);
            assertThat(hotline.milestones(AGENT, id).stream().filter("SLA_BREACHED"::equals))
                    .hasSize(3);
            var published = new ArrayList<SlaBreached>();
            await().atMost(WAIT).until(() -> {
                published.clear();
                tap.drain(Duration.ofMillis(100)).stream()
                        .filter(s -> id.equals(s.key()) && s.is(SlaBreached.class))
                        .forEach(s -> published.add(s.as(SlaBreached.class)));
                return published.size() >= 3;
            });
            assertThat(published)
                    .extracting(SlaBreached::clock)
                    .containsExactly(SlaClock.FIRST_ANSWER, SlaClock.ON_SITE, SlaClock.RESOLUTION);
            assertThat(published.get(0).dueAt()).isEqualTo(due(view, "firstAnswer"));
            assertThat(published.get(0).breachedAt()).isEqualTo(due(view, "firstAnswer"));
            assertThat(published.get(0).kind()).isEqualTo(kind);
        }
    }

    @Test
    void clocks_met_in_time_never_breach() {
        var kind = ComplaintKind.MAINTENANCE;
        var start = clock.instant();
        var id = registered(
                Hotline.form(Hotline.form().path("machine").path("serialNumber").asString(), kind.name()));
        var before = breaches(SlaClock.FIRST_ANSWER, kind)
                + breaches(SlaClock.ON_SITE, kind)
                + breaches(SlaClock.RESOLUTION, kind);

        clock.set(start.plus(Duration.ofHours(1)));
        assertThat(hotline.post(AGENT, "/api/complaints/" + id + "/answers", "{\"note\": \"已告知师傅明天上门\"}")
                        .statusCode())
                .isEqualTo(204);
        events.publish(new TechnicianArrived("ASG-" + id, id, "T-001", start.plus(Duration.ofHours(5))), id);
        await().atMost(WAIT).until(() -> "MET".equals(state(id, "onSite")));
        events.publish(new CustomerSatisfied(id, 1, 5, start.plus(Duration.ofDays(3))), id);
        await().atMost(WAIT).until(() -> "MET".equals(state(id, "resolution")));

        clock.set(start.plus(Duration.ofDays(31)));
        sweep.sweep();

        var view = hotline.caseView(AGENT, id);
        assertThat(view.path("status").asString()).isEqualTo("CLOSED");
        assertThat(view.path("clocks").path("firstAnswer").path("metAt").asString())
                .isEqualTo(start.plus(Duration.ofHours(1)).toString());
        assertThat(view.path("clocks").path("firstAnswer").path("state").asString())
                .isEqualTo("MET");
        assertThat(hotline.milestones(AGENT, id)).doesNotContain("SLA_BREACHED");
        assertThat(breaches(SlaClock.FIRST_ANSWER, kind)
                        + breaches(SlaClock.ON_SITE, kind)
                        + breaches(SlaClock.RESOLUTION, kind))
                .isEqualTo(before);
    }

    @Test
    void the_supervisor_sees_unanswered_cases_waiting_longest_first() {
        var start = clock.instant();
        var older = registered(Hotline.form());
        clock.set(start.plus(Duration.ofMinutes(30)));
        var newer = registered(Hotline.form());
        var answered = registered(Hotline.form());
        hotline.post(AGENT, "/api/complaints/" + answered + "/answers", "{\"note\": \"已回电\"}");
        clock.set(start.plus(Duration.ofHours(2)));

        var ids = new ArrayList<String>();
        JsonNode olderLine = null;
        String cursor = null;
        do {
            var response = hotline.get(
                    SUPERVISOR, "/api/complaints/waiting?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(response.statusCode()).isEqualTo(200);
            var page = Hotline.read(response.body());
            for (var line : page.path("items")) {
                ids.add(line.path("complaintId").asString());
                if (older.equals(line.path("complaintId").asString())) {
                    olderLine = line;
                }
            }
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
        } while (cursor != null);
        assertThat(ids).contains(older, newer).doesNotContain(answered);
        assertThat(ids.indexOf(older)).isLessThan(ids.indexOf(newer));
        assertThat(olderLine.path("waitingMinutes").asLong()).isEqualTo(120);
        assertThat(hotline.get(AGENT, "/api/complaints/waiting").statusCode()).isEqualTo(403);
    }
}
