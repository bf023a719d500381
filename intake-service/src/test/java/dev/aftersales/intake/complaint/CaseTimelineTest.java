package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.ReservationSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

@ServiceSliceTest
class CaseTimelineTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String AGENT = TestTokens.agent("agent-1");

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    MeterRegistry meters;

    Hotline hotline;
    TestEvents events;

    @BeforeEach
    void connect() {
        hotline = new Hotline(port);
        events = new TestEvents(brokers);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    JsonNode caseView(String complaintId) {
        var response = hotline.show(AGENT, complaintId);
        assertThat(response.statusCode()).isEqualTo(200);
        return Hotline.read(response.body());
    }

    List<String> milestones(String complaintId) {
        var whats = new ArrayList<String>();
        for (var entry : caseView(complaintId).path("timeline")) {
            whats.add(entry.path("what").asString());
        }
        return whats;
    }

    @Test
    void the_case_view_shows_what_dispatch_parts_and_followup_did_in_time_order() {
        var id = hotline.registered(AGENT, Hotline.form());
        var asg = "ASG-" + id;
        var t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(60);
        // Published out of order and over three topics: the timeline sorts by when things happened.
        events.publish(
                new ReturnCallScheduled(
                        "RC-" + asg, id, ReturnCallReason.AFTER_VISIT, t0.plus(Duration.ofHours(50)), at(t0, 6)),
                id);
        events.publish(
                new VisitCompleted(
                        asg,
                        id,
                        "T-001",
                        "D-SH",
                        "WP-0001",
                        "滤芯密封圈老化",
                        "WEAR",
                        List.of(new PartLine("FLT-RO-01", 1)),
                        BigDecimal.ZERO,
                        true,
                        at(t0, 5)),
                id);
        events.publish(
                new PartsReserved(
                        "REQ-1", id, asg, "FLT-RO-01", 1, "D-SH", ReservationSource.OWN_DEALER, at(t0, 3), at(t0, 3)),
                id);
        events.publish(
                new PartsBackordered("REQ-2", id, asg, "PUMP-01", 1, t0.plus(Duration.ofDays(10)), at(t0, 4)), id);
        events.publish(new AssignmentEscalated(asg, id, "安装人员已离职，同经销商无可用人员", at(t0, 0)), id);
        events.publish(
                new TechnicianAssigned(
                        asg, id, "T-001", "D-SH", AssignmentRule.DEALER_COLLEAGUE, "派给同经销商的李师傅", at(t0, 1)),
                id);
        events.publish(new PartsRequested("REQ-1", id, asg, "T-001", "D-SH", "FLT-RO-01", 1, at(t0, 2)), id);

        await().atMost(WAIT).until(() -> milestones(id).size() == 8);

        assertThat(milestones(id))
                .containsExactly(
                        "REGISTERED",
                        "ASSIGNMENT_ESCALATED",
                        "TECHNICIAN_ASSIGNED",
                        "PARTS_REQUESTED",
                        "PARTS_RESERVED",
                        "PARTS_BACKORDERED",
                        "VISIT_COMPLETED",
                        "RETURN_CALL_SCHEDULED");
        var view = caseView(id);
        assertThat(view.path("status").asString()).isEqualTo("AWAITING_RETURN_CALL");
        var timeline = view.path("timeline");
        assertThat(timeline.get(1).path("detail").asString()).isEqualTo("安装人员已离职，同经销商无可用人员");
        assertThat(timeline.get(2).path("technicianId").asString()).isEqualTo("T-001");
        assertThat(timeline.get(2).path("detail").asString()).isEqualTo("DEALER_COLLEAGUE: 派给同经销商的李师傅");
        assertThat(Instant.parse(timeline.get(2).path("at").asString())).isEqualTo(at(t0, 1));
        assertThat(timeline.get(4).path("detail").asString())
                .contains("FLT-RO-01")
                .contains("D-SH");
        assertThat(timeline.get(6).path("detail").asString()).isEqualTo("fixed: 滤芯密封圈老化");
        assertThat(timeline.get(7).path("detail").asString()).startsWith("AFTER_VISIT return call due");
    }

    @Test
    void a_redelivered_event_adds_one_entry() {
        var id = hotline.registered(AGENT, Hotline.form());
        var assigned = new TechnicianAssigned(
                "ASG-" + id,
                id,
                "T-001",
                "D-SH",
                AssignmentRule.ORIGINAL_INSTALLER,
                "installed WP-0001 on 2024-05-03",
                Instant.now());
        var duplicatesBefore = timelineEvents("TECHNICIAN_ASSIGNED", "duplicate");
        var eventId = UUID.randomUUID().toString();

        events.publish(assigned, id, eventId);
        events.publish(assigned, id, eventId);
        // Same topic and key, so the same partition: handled after both copies above.
        events.publish(
                new PartsRequested("REQ-" + id, id, "ASG-" + id, "T-001", "D-SH", "FLT-RO-01", 1, Instant.now()), id);

        await().atMost(WAIT).until(() -> milestones(id).contains("PARTS_REQUESTED"));
        assertThat(milestones(id)).containsExactly("REGISTERED", "TECHNICIAN_ASSIGNED", "PARTS_REQUESTED");
        assertThat(timelineEvents("TECHNICIAN_ASSIGNED", "duplicate")).isEqualTo(duplicatesBefore + 1);
        assertThat(timelineEvents("TECHNICIAN_ASSIGNED", "recorded")).isPositive();
    }

    @Test
    void an_event_for_an_unknown_complaint_is_retried_then_dead_lettered_with_its_reason() {
        var unknown = "C-19700101-UNKNOWN" + UUID.randomUUID();
        try (var tap = EventTap.open(brokers, Topics.deadLetterOf(Topics.DISPATCH_ASSIGNMENTS, "intake"))) {
            var eventId = events.publish(
                    new TechnicianAssigned(
                            "ASG-" + unknown,
                            unknown,
                            "T-001",
                            "D-SH",
                            AssignmentRule.ORIGINAL_INSTALLER,
                            "installed WP-0001 on 2024-05-03",
                            Instant.now()),
                    unknown);

            var dead = tap.await(s -> eventId.equals(s.id()), WAIT);
            assertThat(dead.headers().get("aftersales_dlt_reason"))
                    .startsWith("failed after retries")
                    .contains("UnknownComplaintException")
                    .contains(unknown);
        }
    }

    double timelineEvents(String type, String outcome) {
        var counter = meters.find("aftersales.timeline.events")
                .tags("type", type, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static Instant at(Instant t0, int minutes) {
        return t0.plus(Duration.ofMinutes(minutes));
    }
}
