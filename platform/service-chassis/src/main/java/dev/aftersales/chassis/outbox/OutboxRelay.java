package dev.aftersales.chassis.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.audit.AuditEntry;
import dev.aftersales.chassis.audit.AuditTrail;
import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.contracts.CloudEventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events kept in aggregate documents. One thread, so events of one aggregate leave
 * in the order they were raised. Each round sends a batch, waits for the broker's acknowledgement
 * (idempotent producer, acks=all), and only then removes the acknowledged events from their
 * documents. A crash anywhere in between leaves the events in the document: the sweep publishes
 * them again with the same {@code ce_id}, and consumers drop the duplicate.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int RECENTLY_SENT_KEPT = 50_000;

    record Pending(String collection, String aggregateId, List<OutboxEvent> events) {}

    private final KafkaTemplate<String, byte[]> kafka;
    private final MongoTemplate mongo;
    private final String source;
    private final int batchSize;
    private final Duration sweepInterval;
    private final Duration sweepGrace;
    private volatile java.util.concurrent.ScheduledExecutorService sweeper;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    /** Events acknowledged but possibly written back by a concurrent save of an older copy. */
    private final Set<String> recentlySent =
            Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > RECENTLY_SENT_KEPT;
                }
            }));

    /** Events queued or being sent; the sweep leaves them alone so a slow round is not doubled. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    private final AtomicInteger backlog = new AtomicInteger();
    private final Counter published;
    private final Counter failed;
    private final Timer delay;
    private final AuditTrail auditTrail;
    /** Grace and delay are wall time: a business clock moved a month ahead must not make every event "old". */
    private volatile WallClock wall = WallClock.system();

    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(
            KafkaTemplate<String, byte[]> kafka,
            MongoTemplate mongo,
            String service,
            int batchSize,
            Duration sweepInterval,
            Duration sweepGrace,
            MeterRegistry meters) {
        this(kafka, mongo, service, batchSize, sweepInterval, sweepGrace, meters, null);
    }

    /** @param auditTrail where audit entries in outboxes are copied to */
    public OutboxRelay(
            KafkaTemplate<String, byte[]> kafka,
            MongoTemplate mongo,
            String service,
            int batchSize,
            Duration sweepInterval,
            Duration sweepGrace,
            MeterRegistry meters,
            AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.sweepInterval = sweepInterval;
        this.sweepGrace = sweepGrace;
        this.kafka = kafka;
        this.mongo = mongo;
        this.source = "/aftersales/" + service;
        this.batchSize = batchSize;
        this.published = Counter.builder("aftersales.outbox.published")
                .description("Events acknowledged by the broker and removed from their outbox")
                .register(meters);
        this.failed = Counter.builder("aftersales.outbox.publish.failures")
                .description("Publish attempts that failed; the events stay in their outbox and are retried")
                .register(meters);
        this.delay = Timer.builder("aftersales.outbox.delay")
                .description("Time from raising an event to its acknowledgement by the broker")
                .register(meters);
        meters.gauge("aftersales.outbox.queued", queue, BlockingQueue::size);
        Gauge.builder("aftersales.outbox.backlog", backlog, AtomicInteger::get)
                .description("Events older than the sweep grace still unpublished in their outbox at the last sweep")
                .register(meters);
    }

    /** The wall clock grace and delay are measured with (tests move it). */
    public void useWallClock(WallClock wallClock) {
        this.wall = wallClock;
    }

    /** Hands over events just saved with their aggregate; returns at once. */
    public void enqueue(String collection, String aggregateId, List<OutboxEvent> events) {
        collections.add(collection);
        if (!events.isEmpty()) {
            events.forEach(e -> inFlight.add(e.eventId()));
            queue.add(new Pending(collection, aggregateId, events));
        }
    }

    /** Collections whose documents may hold pending events, for the sweep. */
    public void registerCollection(String collection) {
        collections.add(collection);
    }

    /**
     * Finds events that were saved but never acknowledged (the service stopped before the relay got
     * to them) and queues them again. Events younger than {@code grace} are left to the live path.
     */
    public int sweep(Duration grace) {
        var cutoff = wall.instant().minus(grace);
        int found = 0;
        int unpublished = 0;
        for (var collection : collections) {
            var docs = mongo.getCollection(collection)
                    .find(new Document("outbox.pending.0", new Document("$exists", true)))
                    .projection(new Document("outbox.pending", 1));
            for (var doc : docs) {
                var outbox = doc.get("outbox", Document.class);
                var old = outbox.getList("pending", Document.class).stream()
                        .map(d -> mongo.getConverter().read(OutboxEvent.class, d))
                        .filter(e -> e.wallTime().isBefore(cutoff))
                        .toList();
                unpublished += old.size();
                var events = old.stream()
                        .filter(e -> !inFlight.contains(e.eventId()))
                        .toList();
                if (!events.isEmpty()) {
                    found += events.size();
                    enqueue(collection, String.valueOf(doc.get("_id")), events);
                }
            }
        }
        backlog.set(unpublished);
        if (found > 0) {
            log.info("outbox sweep queued {} unpublished events", found);
        }
        return found;
    }

    /**
     * Whether events wait to be published: queued, in flight, or saved in a document (of any age).
     * The local stack's platform clock asks before its next step; a full look at every aggregate
     * collection, so not for a hot path.
     */
    public boolean hasUnpublished() {
        if (!queue.isEmpty() || !inFlight.isEmpty()) {
            return true;
        }
        for (var collection : collections) {
            if (mongo.getCollection(collection)
                            .find(new Document("outbox.pending.0", new Document("$exists", true)))
                            .limit(1)
                            .first()
                    != null) {
                return true;
            }
        }
        return false;
    }

    private void run() {
        var batch = new ArrayList<Pending>(batchSize);
        // On stop, what is already queued still leaves; anything else waits in its document.
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(250, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                publish(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed.increment();
                log.warn("outbox relay round failed; events stay in their outbox: {}", e.toString());
            } finally {
                batch.forEach(p -> p.events().forEach(e -> inFlight.remove(e.eventId())));
                batch.clear();
            }
        }
    }

    void publish(List<Pending> batch) throws InterruptedException {
        var sends = new LinkedHashMap<Pending, List<CompletableFuture<SendResult<String, byte[]>>>>();
        for (var pending : batch) {
            var futures = new ArrayList<CompletableFuture<SendResult<String, byte[]>>>();
            for (var event : pending.events()) {
                if (event.isAuditEntry()) {
                    // copied, not published; a copy repeated after a crash finds its id and stops
                    if (auditTrail != null) {
                        auditTrail.append(
                                event.eventId(), EventJson.read(event.payload().getBytes(UTF_8), AuditEntry.class));
                    }
                } else if (!recentlySent.contains(event.eventId())) {
                    futures.add(kafka.send(toRecord(event)));
                }
            }
            sends.put(pending, futures);
        }
        var acknowledged = new LinkedHashMap<String, List<WriteModel<Document>>>();
        for (var entry : sends.entrySet()) {
            var pending = entry.getKey();
            try {
                CompletableFuture.allOf(entry.getValue().toArray(CompletableFuture[]::new))
                        .get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failed.increment();
                log.warn(
                        "publishing events of {} {} failed, will retry: {}",
                        pending.collection(),
                        pending.aggregateId(),
                        e.toString());
                continue;
            }
            var ids = pending.events().stream().map(OutboxEvent::eventId).toList();
            recentlySent.addAll(ids);
            var now = wall.instant();
            for (var event : pending.events()) {
                delay.record(Duration.between(event.wallTime(), now));
            }
            published.increment(entry.getValue().size());
            acknowledged
                    .computeIfAbsent(pending.collection(), c -> new ArrayList<>())
                    .add(new UpdateOneModel<>(
                            Filters.eq("_id", pending.aggregateId()),
                            Updates.pullByFilter(new Document(
                                    "outbox.pending", new Document("eventId", new Document("$in", ids))))));
        }
        acknowledged.forEach(
                (collection, updates) -> mongo.getCollection(collection).bulkWrite(updates));
    }

    private ProducerRecord<String, byte[]> toRecord(OutboxEvent event) {
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE.getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, event.eventId().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, source.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, event.type().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, event.time().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, event.key().getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TRACEPARENT, event.traceparent().getBytes(UTF_8));
        return new ProducerRecord<>(
                event.topic(), null, event.key(), event.payload().getBytes(UTF_8), headers);
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
        sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "outbox-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, 1_000, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            sweep(sweepGrace);
        } catch (RuntimeException e) {
            log.warn("outbox sweep failed, next one in {}: {}", sweepInterval, e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        var thread = worker;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the listener containers, so events their last handlers raised still leave. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
