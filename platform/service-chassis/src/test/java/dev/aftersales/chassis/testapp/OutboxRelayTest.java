package dev.aftersales.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

@ServiceSliceTest
class OutboxRelayTest {

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    Tickets tickets;

    @Autowired
    MongoTemplate mongo;

    @Test
    void an_event_saved_with_its_aggregate_is_published_with_cloudevents_headers_and_then_removed_from_the_outbox() {
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            var ticket = new Ticket("T-live");
            ticket.raise(new AssignmentEscalated("A-live", "T-live", "no installer", Instant.now()), "T-live");
            tickets.save(ticket);

            var seen = tap.await(s -> "T-live".equals(s.key()), Duration.ofSeconds(30));
            assertThat(seen.headers())
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_type", EventCatalog.ASSIGNMENT_ESCALATED.type())
                    .containsEntry("ce_source", "/aftersales/chassis-test")
                    .containsEntry("ce_subject", "T-live")
                    .containsEntry("content-type", "application/json")
                    .containsKeys("ce_id", "ce_time", "traceparent");
            assertThat(seen.headers().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(seen.as(AssignmentEscalated.class).assignmentId()).isEqualTo("A-live");

            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            !tickets.findById("T-live").orElseThrow().outbox().hasPending());
        }
    }

    @Test
    void events_left_unpublished_by_a_crash_between_write_and_publish_are_published_by_the_sweep() {
        // The write committed, then the process died before the relay ran: the document holds
        // a pending event that no live relay knows of. Written directly, bypassing the save hook.
        var event = new OutboxEvent(
                "evt-crashed-1",
                EventCatalog.ASSIGNMENT_ESCALATED.type(),
                Topics.DISPATCH_ASSIGNMENTS,
                "T-crash",
                EventJson.write(new AssignmentEscalated("A-crash", "T-crash", "left behind", Instant.now())),
                Instant.now().minus(Duration.ofMinutes(1)),
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            var pending = new Document();
            mongo.getConverter().write(event, pending);
            mongo.getCollection("tickets")
                    .insertOne(new Document("_id", "T-crash")
                            .append("version", 0L)
                            .append("timesOpened", 0)
                            .append("outbox", new Document("pending", List.of(pending)).append("handled", List.of())));

            var seen = tap.await(s -> "evt-crashed-1".equals(s.id()), Duration.ofSeconds(30));
            assertThat(seen.headers())
                    .containsEntry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            !tickets.findById("T-crash").orElseThrow().outbox().hasPending());
            assertThat(tap.drain(Duration.ofSeconds(2)))
                    .filteredOn(s -> "evt-crashed-1".equals(s.id()))
                    .hasSize(1);
        }
    }
}
