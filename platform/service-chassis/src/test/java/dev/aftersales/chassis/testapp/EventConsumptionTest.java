package dev.aftersales.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@ServiceSliceTest
class EventConsumptionTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** This consumer's own dead letters of the topic it consumes. */
    static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.INTAKE_COMPLAINTS, "chassis-test");

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketDesk desk;

    TestEvents events;

    @BeforeEach
    void connect() {
        events = new TestEvents(brokers);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    static ComplaintRegistered complaint(String id, String symptoms) {
        var now = Instant.now();
        return new ComplaintRegistered(
                id,
                ComplaintKind.REPAIR,
                Channel.HOTLINE,
                "WP-0001",
                "RO-400",
                symptoms,
                "上门维修",
                new CaseContact("王芳", "13812345678", "上海市浦东新区张江路88号", "310115"),
                "agent-1",
                now,
                now.plusSeconds(4 * 3600),
                now.plusSeconds(24 * 3600),
                now.plusSeconds(30 * 86400));
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            var eventId = UUID.randomUUID().toString();
            events.publish(complaint("C-dup", "漏水"), "C-dup", eventId);
            events.publish(complaint("C-dup", "漏水"), "C-dup", eventId);
            // keyed like C-dup, so on its partition behind the duplicate: once it is handled, so is the duplicate
            events.publish(complaint("C-after-dup", "漏水"), "C-dup");

            tap.await(s -> "C-after-dup".equals(s.key()), WAIT);
            assertThat(tickets.findById("C-dup").orElseThrow().timesOpened()).isEqualTo(1);
            assertThat(tap.drain(Duration.ofSeconds(2)))
                    .filteredOn(s -> "C-dup".equals(s.key()))
                    .hasSize(1);
        }
    }

    @Test
    void a_malformed_record_goes_to_the_dead_letter_topic_with_its_reason_and_the_next_record_is_processed() {
        var dlt = DEAD_LETTERS;
        try (var tap = EventTap.open(brokers, dlt)) {
            // Same key, so same partition: the good record behind the poison one must still be handled.
            events.publishRaw(
                    Topics.INTAKE_COMPLAINTS,
                    "C-poison",
                    "{not json",
                    Map.of(
                            CloudEventHeaders.ID,
                            "poison-1",
                            CloudEventHeaders.TYPE,
                            EventCatalog.COMPLAINT_REGISTERED.type()));
            events.publish(complaint("C-poison", "漏水"), "C-poison");

            var dead = tap.await(s -> "poison-1".equals(s.id()), WAIT);
            assertThat(dead.headers().get("aftersales_dlt_reason")).startsWith("unreadable payload");
            await().atMost(WAIT).until(() -> tickets.findById("C-poison").isPresent());
        }
    }

    @Test
    void an_invalid_payload_is_dead_lettered_at_once_naming_the_invalid_fields() {
        var dlt = DEAD_LETTERS;
        try (var tap = EventTap.open(brokers, dlt)) {
            var invalid = EventJson.write(complaint("", "漏水"))
                    .replace("\"serialNumber\":\"WP-0001\"", "\"serialNumber\":null");
            events.publishRaw(
                    Topics.INTAKE_COMPLAINTS,
                    "C-invalid",
                    invalid,
                    Map.of(
                            CloudEventHeaders.ID,
                            "invalid-1",
                            CloudEventHeaders.TYPE,
                            EventCatalog.COMPLAINT_REGISTERED.type()));

            var dead = tap.await(s -> "invalid-1".equals(s.id()), WAIT);
            assertThat(dead.headers().get("aftersales_dlt_reason"))
                    .startsWith("invalid payload")
                    .contains("complaintId")
                    .contains("serialNumber");
        }
    }

    @Test
    void a_record_whose_ce_source_is_not_the_producer_of_its_topic_is_dead_lettered_and_changes_nothing() {
        var forgedBefore = forgedCount();
        try (var tap = EventTap.open(brokers, DEAD_LETTERS, Topics.DISPATCH_ASSIGNMENTS)) {
            // A well-formed ComplaintRegistered on intake's topic, claiming to come from parts.
            events.publishRaw(
                    Topics.INTAKE_COMPLAINTS,
                    "C-forged",
                    EventJson.write(complaint("C-forged", "漏水")),
                    Map.of(
                            CloudEventHeaders.ID,
                            "forged-1",
                            CloudEventHeaders.TYPE,
                            EventCatalog.COMPLAINT_REGISTERED.type(),
                            CloudEventHeaders.SOURCE,
                            "/aftersales/parts"));
            // Same key, so the same partition: once this one is handled, the forged one was dealt with.
            events.publish(complaint("C-after-forged", "漏水"), "C-forged");

            var dead = tap.await(s -> "forged-1".equals(s.id()), WAIT);
            assertThat(dead.topic()).isEqualTo(DEAD_LETTERS);
            assertThat(dead.headers().get("aftersales_dlt_reason"))
                    .startsWith("forged record")
                    .contains("'/aftersales/parts'")
                    .contains("/aftersales/intake");
            await().atMost(WAIT).until(() -> tickets.findById("C-after-forged").isPresent());
            assertThat(tickets.findById("C-forged")).isEmpty();
            assertThat(tap.drain(Duration.ofSeconds(1)))
                    .noneMatch(s -> s.topic().equals(Topics.DISPATCH_ASSIGNMENTS) && "C-forged".equals(s.key()));
            assertThat(forgedCount()).isEqualTo(forgedBefore + 1);
        }
    }

    @Test
    void a_record_without_ce_source_is_dead_lettered_unhandled() {
        try (var tap = EventTap.open(brokers, DEAD_LETTERS)) {
            events.publishRaw(
                    Topics.INTAKE_COMPLAINTS,
                    "C-sourceless",
                    EventJson.write(complaint("C-sourceless", "漏水")),
                    Map.of(
                            CloudEventHeaders.ID,
                            "sourceless-1",
                            CloudEventHeaders.TYPE,
                            EventCatalog.COMPLAINT_REGISTERED.type(),
                            CloudEventHeaders.SOURCE,
                            ""));

            var dead = tap.await(s -> "sourceless-1".equals(s.id()), WAIT);
            assertThat(dead.headers().get("aftersales_dlt_reason")).startsWith("forged record");
            assertThat(tickets.findById("C-sourceless")).isEmpty();
        }
    }

    double forgedCount() {
        return meters.get("aftersales.events.forged")
                .tag("topic", Topics.INTAKE_COMPLAINTS)
                .counter()
                .count();
    }

    @Test
    void records_of_unknown_types_are_skipped() {
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS, DEAD_LETTERS)) {
            events.publishRaw(
                    Topics.INTAKE_COMPLAINTS,
                    "C-unknown",
                    "{}",
                    Map.of(
                            CloudEventHeaders.ID,
                            "future-1",
                            CloudEventHeaders.TYPE,
                            "aftersales.intake.SomethingNew.v9"));
            events.publish(complaint("C-unknown", "漏水"), "C-unknown");

            tap.await(s -> "C-unknown".equals(s.key()) && s.topic().equals(Topics.DISPATCH_ASSIGNMENTS), WAIT);
            assertThat(tap.drain(Duration.ofSeconds(1))).noneMatch(s -> "future-1".equals(s.id()));
        }
    }

    @Test
    void a_transient_failure_is_retried_until_it_succeeds() {
        desk.transientFailuresLeft.set(2);
        events.publish(complaint("C-flaky", "flaky"), "C-flaky");

        await().atMost(WAIT).until(() -> tickets.findById("C-flaky").isPresent());
        assertThat(tickets.findById("C-flaky").orElseThrow().timesOpened()).isEqualTo(1);
    }

    @Test
    void a_dead_lettered_record_can_be_listed_and_replayed_by_ops_once_its_cause_is_fixed() throws Exception {
        var dlt = DEAD_LETTERS;
        String deadId;
        try (var tap = EventTap.open(brokers, dlt)) {
            desk.transientFailuresLeft.set(100); // more than the retries: the record ends in the DLT
            deadId = events.publish(complaint("C-replay", "flaky"), "C-replay");
            tap.await(s -> deadId.equals(s.id()), WAIT);
        }
        desk.transientFailuresLeft.set(0);
        var http = HttpClient.newHttpClient();
        var list = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/admin/dead-letters/" + dlt + "?limit=200"))
                        .header("Authorization", "Bearer " + TestTokens.ops())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(deadId).contains("failed after retries");
        assertThat(list.body())
                .as("no personal data in the listing")
                .doesNotContain("王芳")
                .doesNotContain("13812345678")
                .doesNotContain("张江路")
                .contains("C-replay");

        var page = EventJson.read(list.body().getBytes(), DeadLetterPage.class);
        var dead = page.items().stream()
                .filter(e -> deadId.equals(e.eventId()))
                .findFirst()
                .orElseThrow();
        var replay = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/dead-letters/" + dlt + "/"
                                + dead.partition() + "/" + dead.offset() + "/replay"))
                        .header("Authorization", "Bearer " + TestTokens.ops())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> tickets.findById("C-replay").isPresent());

        var agentTries = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/dead-letters/" + dlt))
                        .header("Authorization", "Bearer " + TestTokens.agent("agent-1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(agentTries.statusCode()).isEqualTo(403);
    }

    record DeadLetterView(String eventId, int partition, long offset) {}

    record DeadLetterPage(java.util.List<DeadLetterView> items) {}
}
