package dev.aftersales.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.outbox.OutboxRelay;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The chassis metrics the Platform dashboard and its alerts read. */
@ServiceSliceTest
class ChassisMetricsTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void the_outbox_backlog_counts_events_older_than_the_grace_until_they_leave_their_document() {
        var registry = new SimpleMeterRegistry();
        // Not started: nothing publishes, as when the broker is unreachable.
        var relay = new OutboxRelay(
                null, mongo, "backlog-test", 10, Duration.ofSeconds(10), Duration.ofSeconds(5), registry);
        relay.registerCollection("backlog_probe");
        var old = pending("evt-old", 60);
        var fresh = pending("evt-new", 0);
        relay.mark(
                "backlog_probe",
                java.util.Map.of(
                        "B-1",
                        List.of(
                                mongo.getConverter().read(OutboxEvent.class, old),
                                mongo.getConverter().read(OutboxEvent.class, fresh))));
        mongo.getCollection("backlog_probe")
                .insertOne(new Document("_id", "B-1").append("outbox", new Document("pending", List.of(old, fresh))));

        relay.sweep(Duration.ofSeconds(5));
        assertThat(registry.get("aftersales.outbox.backlog").gauge().value()).isEqualTo(1.0);
        // Queued for the relay but still not acknowledged: still backlog.
        relay.sweep(Duration.ofSeconds(5));
        assertThat(registry.get("aftersales.outbox.backlog").gauge().value()).isEqualTo(1.0);

        mongo.getCollection("backlog_probe")
                .updateOne(new Document("_id", "B-1"), new Document("$set", new Document("outbox.pending", List.of())));
        relay.sweep(Duration.ofSeconds(5));
        assertThat(registry.get("aftersales.outbox.backlog").gauge().value()).isZero();
    }

    @Test
    void every_consumed_topic_has_a_dead_letter_counter_at_zero_from_the_start() {
        var counter = meters.find("aftersales.events.dead_lettered")
                .tag("topic", Topics.INTAKE_COMPLAINTS)
                .counter();
        assertThat(counter).isNotNull();
    }

    @Test
    void kafka_client_metrics_include_the_consumer_lag() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !meters.find("kafka.consumer.fetch.manager.records.lag.max")
                        .gauges()
                        .isEmpty());
    }

    private Document pending(String eventId, int secondsAgo) {
        var event = new OutboxEvent(
                eventId,
                EventCatalog.ASSIGNMENT_ESCALATED.type(),
                Topics.DISPATCH_ASSIGNMENTS,
                "B-1",
                EventJson.write(new AssignmentEscalated("A-1", "B-1", "probe", Instant.now())),
                Instant.now().minusSeconds(secondsAgo),
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var document = new Document();
        mongo.getConverter().write(event, document);
        return document;
    }
}
