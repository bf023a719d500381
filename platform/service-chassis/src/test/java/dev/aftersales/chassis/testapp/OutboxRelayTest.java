package dev.aftersales.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.outbox.OutboxRelay;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Autowired
    OutboxRelay relay;

    @Autowired
    org.springframework.kafka.core.KafkaTemplate<String, byte[]> kafka;

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
        // The mark and the write committed, then the process died before the relay ran: the
        // document holds a pending event that no live relay knows of. Written directly, bypassing
        // the save hook, marked as the hook marks.
        var event = new OutboxEvent(
                "evt-crashed-1",
                EventCatalog.ASSIGNMENT_ESCALATED.type(),
                Topics.DISPATCH_ASSIGNMENTS,
                "T-crash",
                EventJson.write(new AssignmentEscalated("A-crash", "T-crash", "left behind", Instant.now())),
                Instant.now().minus(Duration.ofMinutes(1)),
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            relay.mark("tickets", Map.of("T-crash", List.of(event)));
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

    @Test
    void the_sweep_reads_marks_not_aggregate_collections_so_an_unmarked_pending_event_is_not_looked_for() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var sweeping =
                new OutboxRelay(null, mongo, "sweep-test", 10, Duration.ofSeconds(10), Duration.ofSeconds(5), registry);
        sweeping.registerCollection("sweep_probe");
        var unmarked = oldEvent("evt-unmarked", "S-1");
        var marked = oldEvent("evt-marked", "S-2");
        sweeping.mark("sweep_probe", Map.of("S-2", List.of(marked)));
        mongo.getCollection("sweep_probe").insertOne(withPending("S-1", unmarked));
        mongo.getCollection("sweep_probe").insertOne(withPending("S-2", marked));

        // Only the marked document is found: a sweep that read the collection would find both.
        assertThat(sweeping.sweep(Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(registry.get("aftersales.outbox.backlog").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void the_queue_holds_at_most_two_rounds_so_a_bulk_import_leaves_the_rest_marked_for_later_sweeps() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        // Not started, ten aggregates per round: twenty aggregates fill its queue.
        var slow =
                new OutboxRelay(null, mongo, "queue-test", 10, Duration.ofSeconds(10), Duration.ofSeconds(5), registry);
        slow.registerCollection("queue_probe");
        for (int i = 0; i < 25; i++) {
            var event = oldEvent("evt-q-" + i, "Q-" + i);
            slow.mark("queue_probe", Map.of("Q-" + i, List.of(event)));
            mongo.getCollection("queue_probe").insertOne(withPending("Q-" + i, event));
        }
        slow.enqueue("queue_probe", "Q-0", List.of(oldEvent("evt-q-0", "Q-0")));

        assertThat(slow.sweep(Duration.ofSeconds(5))).isEqualTo(19);
        assertThat(slow.sweep(Duration.ofSeconds(5))).isZero();
        assertThat(registry.get("aftersales.outbox.backlog").gauge().value()).isEqualTo(25.0);
    }

    @Test
    void a_sweep_behind_a_bulk_import_reads_its_marked_aggregates_in_batches_and_finds_every_one() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        // Not started; room for 1,200 aggregates: more than one read batch of 500 is marked.
        var sweeping = new OutboxRelay(
                null, mongo, "batch-test", 600, Duration.ofSeconds(10), Duration.ofSeconds(5), registry);
        sweeping.registerCollection("batch_probe");
        storePending(sweeping, "batch_probe", "B", 520);

        assertThat(sweeping.sweep(Duration.ofSeconds(5))).isEqualTo(520);
        assertThat(registry.get("aftersales.outbox.backlog").gauge().value()).isEqualTo(520.0);
    }

    @Test
    void behind_a_bulk_import_the_relay_asks_for_a_sweep_whenever_its_queue_has_room_not_once_a_period() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        // Five aggregates a round, so ten fill the queue; the periodic sweep runs once (a second after the
        // start) and then not for ten minutes: only sweeps the relay asks for can carry the other 50.
        var relaying = new OutboxRelay(
                kafka, mongo, "refill-test", 5, Duration.ofMinutes(10), Duration.ofSeconds(5), registry);
        relaying.registerCollection("refill_probe");
        storePending(relaying, "refill_probe", "R", 60);
        var mostQueued = new java.util.concurrent.atomic.AtomicInteger();

        relaying.start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        mostQueued.accumulateAndGet(
                                (int) registry.get("aftersales.outbox.queued")
                                        .gauge()
                                        .value(),
                                Math::max);
                        return mongo.getCollection("refill_probe")
                                        .countDocuments(new Document("outbox.pending.0", new Document("$exists", true)))
                                == 0;
                    });
        } finally {
            relaying.stop();
        }
        assertThat(registry.get("aftersales.outbox.published").counter().count())
                .isEqualTo(60.0);
        assertThat(mostQueued.get()).isBetween(1, 10);
        assertThat(mongo.getCollection(OutboxRelay.MARKERS).countDocuments(new Document("collection", "refill_probe")))
                .isZero();
    }

    @Test
    void a_save_marks_its_event_before_writing_so_a_failed_write_leaves_only_a_mark_the_sweep_removes() {
        var ticket = new Ticket("T-mark");
        tickets.save(ticket);
        var stale = tickets.findById("T-mark").orElseThrow();
        tickets.save(tickets.findById("T-mark").orElseThrow()); // someone else's save: stale is now behind
        stale.raise(new AssignmentEscalated("A-mark", "T-mark", "lost race", Instant.now()), "T-mark");
        var eventId = stale.outbox().pending().get(0).eventId();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tickets.save(stale))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);

        var mark = new Document("_id", "tickets/T-mark/" + eventId);
        assertThat(mongo.getCollection(OutboxRelay.MARKERS).countDocuments(mark))
                .isOne();
        // Nothing pending behind the mark: once the mark is older than the grace, the sweep drops it.
        relay.sweep(Duration.ZERO);
        assertThat(mongo.getCollection(OutboxRelay.MARKERS).countDocuments(mark))
                .isZero();
    }

    @Test
    void a_published_event_leaves_no_mark_behind() {
        var ticket = new Ticket("T-unmark");
        ticket.raise(new AssignmentEscalated("A-unmark", "T-unmark", "published", Instant.now()), "T-unmark");
        var eventId = ticket.outbox().pending().get(0).eventId();
        tickets.save(ticket);

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        !tickets.findById("T-unmark").orElseThrow().outbox().hasPending());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.getCollection(OutboxRelay.MARKERS)
                                .countDocuments(new Document("_id", "tickets/T-unmark/" + eventId))
                        == 0);
    }

    /** {@code count} aggregates of {@code collection}, each with one old pending event, marked as a save marks them. */
    private void storePending(OutboxRelay relay, String collection, String prefix, int count) {
        var marks = new java.util.LinkedHashMap<String, List<OutboxEvent>>();
        var documents = new ArrayList<Document>();
        for (int i = 0; i < count; i++) {
            var event = oldEvent("evt-" + prefix.toLowerCase(java.util.Locale.ROOT) + "-" + i, prefix + "-" + i);
            marks.put(prefix + "-" + i, List.of(event));
            documents.add(withPending(prefix + "-" + i, event));
        }
        relay.mark(collection, marks);
        mongo.getCollection(collection).insertMany(documents);
    }

    private static OutboxEvent oldEvent(String eventId, String key) {
        return new OutboxEvent(
                eventId,
                EventCatalog.ASSIGNMENT_ESCALATED.type(),
                Topics.DISPATCH_ASSIGNMENTS,
                key,
                EventJson.write(new AssignmentEscalated("A-" + key, key, "probe", Instant.now())),
                Instant.now().minus(Duration.ofMinutes(1)),
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }

    private Document withPending(String id, OutboxEvent event) {
        var pending = new Document();
        mongo.getConverter().write(event, pending);
        return new Document("_id", id)
                .append("outbox", new Document("pending", List.of(pending)).append("handled", List.of()));
    }
}
