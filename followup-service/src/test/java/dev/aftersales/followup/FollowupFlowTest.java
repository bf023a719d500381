package dev.aftersales.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import dev.aftersales.followup.quality.domain.Machines;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;

/** Follow-up as dispatch and the agents see it: a completed visit in, a return call out and on the due list. */
@ServiceSliceTest
@Import(FollowupTestClock.class)
class FollowupFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Instant START = FollowupTestClock.START;

    record DueReturnCall(String returnCallId, String complaintId, String reason, Instant dueAt, String status) {}

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ReturnCalls returnCalls;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    Machines machines;

    final HttpClient http = HttpClient.newHttpClient();
    TestEvents events;

    @BeforeEach
    void connect() {
        events = new TestEvents(brokers);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    static VisitCompleted completed(String complaintId, Instant completedAt) {
        return new VisitCompleted(
                "ASG-" + complaintId,
                complaintId,
                "T-001",
                "D-SH",
                "WP-0001",
                "滤芯堵塞",
                "filter clogged",
                List.of(new PartLine("FLT-RO-01", 1)),
                BigDecimal.ZERO,
                true,
                completedAt);
    }

    HttpResponse<String> getDue(String token, String within) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/return-calls/due?within=" + within))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The whole due list, page after page. */
    List<DueReturnCall> due(String within) throws Exception {
        var all = new ArrayList<DueReturnCall>();
        String cursor = null;
        do {
            var response = getDue(
                    TestTokens.agent("agent-1"),
                    within + "&limit=200"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var page = EventJson.read(response.body().getBytes(), DuePage.class);
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        return all;
    }

    record DuePage(List<DueReturnCall> items, String next) {}

    static List<String> ids(List<DueReturnCall> calls) {
        return calls.stream().map(DueReturnCall::returnCallId).toList();
    }

    @Test
    void a_completed_visit_schedules_its_return_call_48_hours_after_completion() {
        var completedAt = clock.instant().minusSeconds(600);
        try (var tap = EventTap.open(brokers, Topics.FOLLOWUP)) {
            events.publish(completed("C-visit", completedAt), "C-visit");

            var scheduled = tap.await(s -> s.is(ReturnCallScheduled.class) && "C-visit".equals(s.key()), WAIT)
                    .as(ReturnCallScheduled.class);
            assertThat(scheduled.returnCallId()).isEqualTo("RC-ASG-C-visit");
            assertThat(scheduled.complaintId()).isEqualTo("C-visit");
            assertThat(scheduled.reason()).isEqualTo(ReturnCallReason.AFTER_VISIT);
            assertThat(scheduled.dueAt()).isEqualTo(completedAt.plus(Duration.ofHours(48)));
        }
    }

    @Test
    void a_return_call_is_on_the_due_list_only_once_its_time_has_come_oldest_first() throws Exception {
        clock.set(START);
        try (var tap = EventTap.open(brokers, Topics.FOLLOWUP)) {
            events.publish(completed("C-later", START), "C-later");
            events.publish(completed("C-earlier", START.minus(Duration.ofHours(1))), "C-earlier");
            tap.await(s -> s.is(ReturnCallScheduled.class) && "C-later".equals(s.key()), WAIT);
            tap.await(s -> s.is(ReturnCallScheduled.class) && "C-earlier".equals(s.key()), WAIT);
        }

        assertThat(ids(due("PT0S"))).doesNotContain("RC-ASG-C-later", "RC-ASG-C-earlier");
        clock.advance(Duration.ofHours(47).plusMinutes(30));
        assertThat(ids(due("PT0S"))).doesNotContain("RC-ASG-C-later").contains("RC-ASG-C-earlier");
        assertThat(ids(due("PT1H"))).containsSubsequence("RC-ASG-C-earlier", "RC-ASG-C-later");

        clock.advance(Duration.ofMinutes(31));
        var due = due("PT0S");
        assertThat(ids(due)).containsSubsequence("RC-ASG-C-earlier", "RC-ASG-C-later");
        assertThat(due)
                .filteredOn(c -> c.returnCallId().equals("RC-ASG-C-later"))
                .containsExactly(new DueReturnCall(
                        "RC-ASG-C-later", "C-later", "AFTER_VISIT", START.plus(Duration.ofHours(48)), "DUE"));
    }

    @Test
    void a_redelivered_visit_completion_schedules_one_call_and_one_event() throws Exception {
        try (var tap = EventTap.open(brokers, Topics.FOLLOWUP)) {
            var visit = completed("C-dup", clock.instant());
            var eventId = UUID.randomUUID().toString();
            events.publish(visit, "C-dup", eventId);
            events.publish(visit, "C-dup", eventId);
            // Dispatch published the same completion again under a new event id.
            events.publish(visit, "C-dup");
            // Same key, same partition: once this one is answered, the three before it were handled.
            var marker = new VisitCompleted(
                    "ASG-C-dup-marker",
                    "C-dup",
                    "T-001",
                    "D-SH",
                    "WP-0001",
                    null,
                    null,
                    List.of(),
                    null,
                    true,
                    clock.instant());
            events.publish(marker, "C-dup");

            tap.await(s -> s.is(ReturnCallScheduled.class) && s.payload().contains("RC-ASG-C-dup-marker"), WAIT);
            assertThat(tap.drain(Duration.ofMillis(500)))
                    .filteredOn(s -> s.payload().contains("\"RC-ASG-C-dup\""))
                    .hasSize(1);
        }
        clock.advance(Duration.ofHours(49));
        assertThat(ids(due("PT0S"))).containsOnlyOnce("RC-ASG-C-dup");
    }

    /**
     * Three capabilities handle a visit completion in turn (case file, machine, return call); here
     * the last one fails once, so the listener delivers the event to all three again.
     */
    @Test
    void a_visit_completion_handled_again_after_a_later_handler_failed_changes_each_aggregate_once() {
        var complaintId = "C-fails-once";
        var visit = new VisitCompleted(
                UnreliableReturnCalls.FAILS_ONCE + "1",
                complaintId,
                "T-001",
                "D-SH",
                "WP-FAILS-ONCE",
                null,
                null,
                List.of(new PartLine("FLT-RO-01", 1)),
                BigDecimal.ZERO,
                true,
                clock.instant());
        var eventId = UUID.randomUUID().toString();
        var callId = ReturnCall.idAfterVisit(visit.assignmentId(), 1);
        try (var tap = EventTap.open(brokers, Topics.FOLLOWUP)) {
            events.publish(visit, complaintId, eventId);

            tap.await(s -> s.is(ReturnCallScheduled.class) && complaintId.equals(s.key()), WAIT);
            // The call's insert failed after the case file had taken its share of the event...
            assertThat(UnreliableReturnCalls.visitsOnFileAtFailure).containsEntry(callId, 1);
            // ...and the second run of every handler completed the call and repeated nothing.
            assertThat(tap.drain(Duration.ofMillis(500)))
                    .filteredOn(s -> s.is(ReturnCallScheduled.class) && complaintId.equals(s.key()))
                    .hasSize(1);
        }
        var file = caseFiles.find(complaintId).orElseThrow();
        assertThat(file.visits()).hasSize(1);
        assertThat(file.steps()).hasSize(1);
        assertThat(file.events().handled()).containsOnlyOnce(eventId);
        var machine = machines.find("WP-FAILS-ONCE").orElseThrow();
        assertThat(machine.lastComplaintId()).isEqualTo(complaintId);
        assertThat(machine.events().handled()).containsOnlyOnce(eventId);
        assertThat(returnCalls.find(callId).orElseThrow().events().handled()).containsExactly(eventId);
    }

    @Test
    void only_agents_and_supervisors_see_the_due_list() throws Exception {
        assertThat(getDue(TestTokens.technician("T-001", "D-SH"), "PT0S").statusCode())
                .isEqualTo(403);
        assertThat(getDue(TestTokens.dealer("dealer-sh", "D-SH"), "PT0S").statusCode())
                .isEqualTo(403);
        assertThat(getDue(TestTokens.agent("agent-1"), "PT0S").statusCode()).isEqualTo(200);
        assertThat(getDue(TestTokens.agent("agent-1"), "tomorrow").statusCode()).isEqualTo(400);
    }
}
