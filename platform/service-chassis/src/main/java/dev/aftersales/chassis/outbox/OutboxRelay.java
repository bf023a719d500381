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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p>The sweep finds such events without reading whole collections: every pending event is marked
 * in {@value #MARKERS} ({@code <collection>/<aggregate id>/<event id>}) before the write that
 * stores it ({@link #mark}), and the mark is removed once the event is published. The sweep reads
 * only marks of events older than the grace, then each marked document by {@code _id}. A mark whose
 * event is not (or no longer) pending, left by a write that failed or a crash after publishing, is
 * removed once it is itself older than the grace. So an event is missed only if its write comes
 * later than the grace after its mark, the same assumption the grace always made.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /**
     * Enough for the seconds between loading an aggregate and saving it (an older copy written back
     * after the relay removed its events); a miss only sends an event again under its id, which
     * consumers drop. Not more: behind a bulk import every id held is heap that the import's size
     * would decide (50,000 ids were about 6 MiB).
     */
    private static final int RECENTLY_SENT_KEPT = 10_000;
    // marked aggregates read per store command by the sweep
    private static final int SWEEP_READ_BATCH = 500;
    /**
     * Rounds' worth of aggregates the queue holds. Two: one waiting while the other is sent. The queue
     * holds whole payloads, so this bound is the relay's heap behind a bulk import (twenty rounds were
     * 10,000 aggregates, +70 MiB in dispatch after 50,000 rows); the sweep refills it as it drains.
     */
    private static final int QUEUED_ROUNDS = 2;

    private static final int DUPLICATE_KEY = 11000;

    /** The collection of marks of pending events. */
    public static final String MARKERS = "outbox_markers";

    record Pending(String collection, String aggregateId, List<OutboxEvent> events) {}

    private final KafkaTemplate<String, byte[]> kafka;
    private final MongoTemplate mongo;
    private final String source;
    private final int batchSize;
    /** Most aggregates waiting in the queue: {@value #QUEUED_ROUNDS} rounds' worth. */
    private final int maxQueued;
    /**
     * Events wait marked that the queue had no room for (refused by a full queue, or left unread by the
     * last sweep): the relay asks for a sweep as soon as its queue has room again, not at the next period.
     */
    private final AtomicBoolean behind = new AtomicBoolean();

    private final AtomicBoolean refillAsked = new AtomicBoolean();

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

    private volatile dev.aftersales.chassis.lease.Lease sweepLease;

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
        this.maxQueued = batchSize * QUEUED_ROUNDS;
        this.published = Counter.builder("aftersales.outbox.published")
                .description("Events acknowledged by the broker and removed from their outbox")
                .register(meters);
        this.failed = Counter.builder("aftersales.outbox.publish.failures")
                .description("Publish attempts that failed; the events stay in their outbox and are retried")
                .register(meters);
        this.delay = Timer.builder("aftersales.outbox.delay")
                .description("Time from raising an event to its acknowledgement by the broker")
                // Milliseconds when handed over at once; the sweep's grace and period when it was not.
                .serviceLevelObjectives(
                        Duration.ofMillis(50),
                        Duration.ofMillis(200),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(60))
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

    /**
     * The lease the periodic sweep runs under: with several instances one of them scans the marks at
     * a time (the others' live relays still publish what they raise). Without one, every sweep runs.
     */
    public void useLease(dev.aftersales.chassis.lease.Lease sweepLease) {
        this.sweepLease = sweepLease;
    }

    /** Hands over events just saved with their aggregate; returns at once. */
    public void enqueue(String collection, String aggregateId, List<OutboxEvent> events) {
        offer(collection, aggregateId, events);
    }

    /**
     * Queues unless {@link #maxQueued} aggregates wait already (a bulk import outrunning the broker):
     * then the events stay in their documents, marked, and a later sweep queues them. So the queue,
     * which holds whole payloads, stays bounded however many machines an import adds.
     */
    private boolean offer(String collection, String aggregateId, List<OutboxEvent> events) {
        collections.add(collection);
        if (events.isEmpty()) {
            return false;
        }
        if (queue.size() >= maxQueued) {
            behind.set(true);
            return false;
        }
        events.forEach(e -> inFlight.add(e.eventId()));
        queue.add(new Pending(collection, aggregateId, events));
        return true;
    }

    /**
     * Marks pending events as such, before the write that stores them in their aggregate's document:
     * a crash after that write leaves a mark the sweep finds. Marking again is a no-op.
     *
     * @param pending the aggregate ids of one collection, each with the pending events its write stores
     */
    public void mark(String collection, Map<String, List<OutboxEvent>> pending) {
        collections.add(collection);
        var now = java.util.Date.from(wall.instant());
        var marks = new ArrayList<WriteModel<Document>>();
        pending.forEach((aggregateId, events) -> {
            for (var event : events) {
                marks.add(new com.mongodb.client.model.InsertOneModel<>(
                        new Document("_id", markKey(collection, aggregateId, event.eventId()))
                                .append("collection", collection)
                                .append("aggregateId", aggregateId)
                                .append("eventId", event.eventId())
                                .append("raisedAt", java.util.Date.from(event.wallTime()))
                                .append("markedAt", now)));
            }
        });
        if (marks.isEmpty()) {
            return;
        }
        // Inserts, not upserts (an upsert looks its key up first; a bulk import writes three marks a row).
        // A mark that exists already is left as it is: its key is taken.
        try {
            mongo.getCollection(MARKERS)
                    .bulkWrite(marks, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    static String markKey(String collection, String aggregateId, String eventId) {
        return collection + "/" + aggregateId + "/" + eventId;
    }

    /** Collections whose documents may hold pending events, for the sweep. */
    public void registerCollection(String collection) {
        collections.add(collection);
    }

    /**
     * Finds events that were saved but never acknowledged (the service stopped before the relay got
     * to them) and queues them again. Events younger than {@code grace} are left to the live path.
     * Reads the marks of events older than the grace, then each marked document by {@code _id}; a
     * mark whose event is no longer pending is removed.
     */
    public int sweep(Duration grace) {
        // Cleared first: a full queue refusing events while this sweep runs sets it again.
        behind.set(false);
        var cutoff = wall.instant().minus(grace);
        var marked = new LinkedHashMap<String, Map<String, List<Document>>>();
        // Behind a bulk import the old marks are many: besides those already queued, no more aggregates are
        // read than the queue has room for, so neither this heap nor the store's work grows with the backlog.
        // The rest is counted, not read, and waits for the next sweep, which the relay asks for once its
        // queue has room.
        var room = Math.max(batchSize, maxQueued - queue.size());
        var old = Filters.and(
                Filters.in("collection", List.copyOf(collections)),
                Filters.lt("raisedAt", java.util.Date.from(cutoff)));
        int aggregates = 0;
        int marksRead = 0;
        int notRead = 0;
        try (var marks = mongo.getCollection(MARKERS)
                .find(old)
                .batchSize(SWEEP_READ_BATCH)
                .cursor()) {
            while (marks.hasNext()) {
                var mark = marks.next();
                var byAggregate = marked.computeIfAbsent(mark.getString("collection"), c -> new LinkedHashMap<>());
                var ofAggregate = byAggregate.get(mark.getString("aggregateId"));
                if (ofAggregate == null) {
                    // queued already: read (their count is the queue's, bounded) but not taking the room
                    var queued = inFlight.contains(mark.getString("eventId"));
                    if (!queued && aggregates >= room) {
                        notRead = (int) Math.max(0, mongo.getCollection(MARKERS).countDocuments(old) - marksRead);
                        break;
                    }
                    if (!queued) {
                        aggregates++;
                    }
                    ofAggregate = new ArrayList<>();
                    byAggregate.put(mark.getString("aggregateId"), ofAggregate);
                }
                ofAggregate.add(mark);
                marksRead++;
            }
        }
        if (notRead > 0) {
            behind.set(true);
        }
        int found = 0;
        int unpublished = notRead;
        var stale = new ArrayList<WriteModel<Document>>();
        for (var byCollection : marked.entrySet()) {
            var collection = byCollection.getKey();
            var docs = pendingByAggregate(collection, byCollection.getValue().keySet());
            for (var byAggregate : byCollection.getValue().entrySet()) {
                var aggregateId = byAggregate.getKey();
                var doc = docs.get(aggregateId);
                var pending = pendingOf(doc);
                var due = pending.stream()
                        .filter(e -> e.wallTime().isBefore(cutoff))
                        .toList();
                unpublished += due.size();
                var events = due.stream()
                        .filter(e -> !inFlight.contains(e.eventId()))
                        .toList();
                if (!events.isEmpty() && offer(collection, aggregateId, events)) {
                    found += events.size();
                }
                var pendingIds =
                        pending.stream().map(OutboxEvent::eventId).collect(java.util.stream.Collectors.toSet());
                for (var mark : byAggregate.getValue()) {
                    var markedAt = mark.getDate("markedAt");
                    if (!pendingIds.contains(mark.getString("eventId"))
                            && markedAt != null
                            && markedAt.toInstant().isBefore(cutoff)) {
                        stale.add(new com.mongodb.client.model.DeleteOneModel<>(Filters.eq("_id", mark.get("_id"))));
                    }
                }
            }
        }
        if (!stale.isEmpty()) {
            mongo.getCollection(MARKERS)
                    .bulkWrite(stale, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
        backlog.set(unpublished);
        if (found > 0) {
            log.info("outbox sweep queued {} unpublished events", found);
        }
        return found;
    }

    /**
     * The marked aggregates' pending events, read by {@code _id} in batches: behind a bulk import one sweep
     * finds thousands of marked aggregates, and one read each was most of the store's work for the import.
     */
    private Map<String, Document> pendingByAggregate(String collection, java.util.Set<String> aggregateIds) {
        var docs = new java.util.HashMap<String, Document>();
        var ids = List.copyOf(aggregateIds);
        for (int from = 0; from < ids.size(); from += SWEEP_READ_BATCH) {
            var batch = ids.subList(from, Math.min(ids.size(), from + SWEEP_READ_BATCH));
            for (var doc : mongo.getCollection(collection)
                    .find(Filters.in("_id", batch))
                    .projection(new Document("outbox.pending", 1))) {
                docs.put(String.valueOf(doc.get("_id")), doc);
            }
        }
        return docs;
    }

    private List<OutboxEvent> pendingOf(Document doc) {
        if (doc == null || doc.get("outbox", Document.class) == null) {
            return List.of();
        }
        var pending = doc.get("outbox", Document.class).getList("pending", Document.class);
        return pending == null
                ? List.of()
                : pending.stream()
                        .map(d -> mongo.getConverter().read(OutboxEvent.class, d))
                        .toList();
    }

    /**
     * Whether events wait to be published: queued, in flight, or marked and still in their document
     * (of any age). The local stack's platform clock asks before its next step; a mark left by a write
     * that failed (no pending event behind it) does not count.
     */
    public boolean hasUnpublished() {
        if (!queue.isEmpty() || !inFlight.isEmpty()) {
            return true;
        }
        for (var mark : mongo.getCollection(MARKERS)
                .find(Filters.in("collection", List.copyOf(collections)))
                .limit(100)) {
            var doc = mongo.getCollection(mark.getString("collection"))
                    .find(Filters.eq("_id", mark.getString("aggregateId")))
                    .projection(new Document("outbox.pending", 1))
                    .first();
            var eventId = mark.getString("eventId");
            if (pendingOf(doc).stream().anyMatch(e -> e.eventId().equals(eventId))) {
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
            if (behind.get() && queue.size() < batchSize) {
                askForSweep();
            }
        }
    }

    /**
     * A sweep now, on the sweeper's thread (so never two at once), when events wait marked and the queue
     * has room for a round: behind a bulk import the relay then drains at the broker's pace instead of
     * one queue's worth per sweep period. Under the sweep's lease like the periodic sweep.
     */
    private void askForSweep() {
        var executor = sweeper;
        if (executor == null || !refillAsked.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                refillAsked.set(false);
                sweepQuietly();
            });
        } catch (RejectedExecutionException stopping) {
            refillAsked.set(false);
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
        var unmark = new ArrayList<WriteModel<Document>>();
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
            ids.forEach(id -> unmark.add(new com.mongodb.client.model.DeleteOneModel<>(
                    Filters.eq("_id", markKey(pending.collection(), pending.aggregateId(), id)))));
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
        // Only once the events left their documents: a crash before this leaves marks the sweep removes.
        if (!unmark.isEmpty()) {
            mongo.getCollection(MARKERS)
                    .bulkWrite(unmark, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
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
            var lease = sweepLease;
            if (lease != null && !lease.acquire()) {
                backlog.set(0); // the holder counts the backlog; a second count would be added twice
                behind.set(false); // and sweeps what this instance's full queue refused
                return;
            }
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
