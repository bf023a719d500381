package dev.aftersales.dispatch.feed.adapter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.AssignmentCancelled;
import dev.aftersales.contracts.dispatch.AssignmentDeclined;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.intake.PriorityChanged;
import dev.aftersales.dispatch.feed.application.FeedChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Every instance reads the events that change technicians' feeds, from the moment it starts, to wake
 * the streams open on it: the consumer group records each entry on one instance, but the phone may be
 * connected to any. Its own client with the partitions assigned by hand, never joining a group nor
 * committing, so it needs no group of its own on the broker (reading the topics is allowed already);
 * a restarted instance has no open streams to wake, so it starts at the end of each partition.
 */
@Component
class FeedChangesOnEveryInstance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedChangesOnEveryInstance.class);

    private static final List<String> TOPICS = List.of(Topics.DISPATCH_ASSIGNMENTS, Topics.INTAKE_COMPLAINTS);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LOOK_FOR_PARTITIONS = Duration.ofSeconds(30);

    private static final String ASSIGNED =
            EventCatalog.ofPayload(TechnicianAssigned.class).type();
    private static final String DECLINED =
            EventCatalog.ofPayload(AssignmentDeclined.class).type();
    private static final String CANCELLED =
            EventCatalog.ofPayload(AssignmentCancelled.class).type();
    private static final String PRIORITY =
            EventCatalog.ofPayload(PriorityChanged.class).type();

    private final ConsumerFactory<String, byte[]> consumers;
    private final FeedChanges changes;
    private Reading reading;

    FeedChangesOnEveryInstance(ConsumerFactory<String, byte[]> eventConsumerFactory, FeedChanges changes) {
        this.consumers = eventConsumerFactory;
        this.changes = changes;
    }

    @Override
    public synchronized void start() {
        if (reading != null) {
            return;
        }
        var overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        var run = new Reading(consumers.createConsumer(null, null, "-feeds", overrides));
        run.thread.start();
        reading = run;
    }

    /**
     * One start's consumer and thread: a restart (a test context resumed, say) gets new ones, so a
     * thread that stops late closes its own consumer, never the one that replaced it.
     */
    private final class Reading implements Runnable {

        final Consumer<String, byte[]> consumer;
        final Thread thread;
        volatile boolean running = true;

        Reading(Consumer<String, byte[]> consumer) {
            this.consumer = consumer;
            this.thread = new Thread(this, "feed-changes");
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            var assigned = new HashSet<TopicPartition>();
            long lookAgainAt = 0;
            try {
                while (running) {
                    if (System.nanoTime() - lookAgainAt >= 0) {
                        assign(consumer, assigned);
                        lookAgainAt = System.nanoTime() + LOOK_FOR_PARTITIONS.toNanos();
                    }
                    if (assigned.isEmpty()) {
                        Thread.sleep(POLL.toMillis());
                        lookAgainAt = 0;
                        continue;
                    }
                    for (var record : consumer.poll(POLL)) {
                        handle(record);
                    }
                }
            } catch (WakeupException | InterruptedException e) {
                // stopping
            } catch (RuntimeException e) {
                log.error("the feed-change consumer stopped; open streams get new entries only when they reconnect", e);
            } finally {
                consumer.close(Duration.ofSeconds(2));
            }
        }

        void stop() {
            running = false;
            consumer.wakeup();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Takes the topics' partitions: those there at start from their end (older changes were read by
     * the streams when they opened), those appearing later from their beginning (all of it is new).
     */
    private static void assign(Consumer<String, byte[]> consumer, Set<TopicPartition> assigned) {
        var found = new ArrayList<TopicPartition>();
        for (var topic : TOPICS) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions != null) {
                partitions.forEach(p -> found.add(new TopicPartition(topic, p.partition())));
            }
        }
        var added = found.stream().filter(p -> !assigned.contains(p)).toList();
        if (added.isEmpty()) {
            return;
        }
        var first = assigned.isEmpty();
        assigned.addAll(added);
        consumer.assign(assigned);
        if (first) {
            consumer.seekToEnd(added);
            // Fix the positions now: what is published from here on reaches the streams.
            added.forEach(consumer::position);
        } else {
            consumer.seekToBeginning(added);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        var type = header(record, CloudEventHeaders.TYPE);
        var id = header(record, CloudEventHeaders.ID);
        if (type == null || id == null || record.value() == null) {
            return;
        }
        var owner = EventCatalog.ownerOf(record.topic()).orElse(null);
        if (owner == null || !EventCatalog.sourceOf(owner).equals(header(record, CloudEventHeaders.SOURCE))) {
            return; // not the topic's producer: the consumer group dead-letters it, nothing to wake for
        }
        var publishedAt = Instant.ofEpochMilli(record.timestamp());
        try {
            if (type.equals(ASSIGNED)) {
                changes.changed(
                        EventJson.read(record.value(), TechnicianAssigned.class).technicianId(), id, publishedAt);
            } else if (type.equals(DECLINED)) {
                changes.changed(
                        EventJson.read(record.value(), AssignmentDeclined.class).technicianId(), id, publishedAt);
            } else if (type.equals(CANCELLED)) {
                var technicianId = EventJson.read(record.value(), AssignmentCancelled.class)
                        .technicianId();
                if (technicianId != null) {
                    changes.changed(technicianId, id, publishedAt);
                }
            } else if (type.equals(PRIORITY)) {
                changes.caseChanged(
                        EventJson.read(record.value(), PriorityChanged.class).complaintId(), id, publishedAt);
            }
        } catch (RuntimeException e) {
            // Unreadable: the consumer group dead-letters it; a wake-up is only a hint.
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    @Override
    public synchronized void stop() {
        var run = reading;
        reading = null;
        if (run != null) {
            run.stop();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return reading != null;
    }

    /** Before the streams it wakes are drained, after the consumer group (phases stop high first). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 200;
    }
}
