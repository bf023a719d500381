package dev.aftersales.dispatch.feed.adapter.web;

import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.feed.application.FeedChanges;
import dev.aftersales.dispatch.feed.application.ReadFeed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The technicians' streams open on this instance, by technician. A stream is woken only when a
 * change for its technician is seen (this instance recorded it, or its own consumer saw the event);
 * it then reads the feed document once by {@code _id} and queues what its phone has not been sent.
 * One scheduler thread sends every stream's keep-alive and ends streams past their time; a small pool
 * does the reads. On shutdown every stream is ended first, so the apps reconnect to another
 * instance while this one finishes its requests.
 */
@Component
class OpenFeeds implements FeedChanges, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpenFeeds.class);

    /**
     * A hint may come before the entry is written (another instance's consumer group records it):
     * the stream looks again after these pauses, then gives up (the phone gets it when it reconnects).
     */
    private static final long[] LOOK_AGAIN_MILLIS = {50, 100, 200, 400, 800, 1600, 3200};

    private static final long TICK_MILLIS = 1000;

    private final ReadFeed readFeed;
    private final WallClock wall;
    private final DispatchProperties.Feed settings;
    private final ConcurrentHashMap<String, Set<FeedStream>> byTechnician = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Counter refused;
    private final Counter dropped;
    private final Counter reads;
    private final Timer pushDelay;
    private volatile ScheduledExecutorService ticker;
    private volatile ExecutorService readers;
    private volatile boolean running;

    OpenFeeds(ReadFeed readFeed, WallClock wall, DispatchProperties properties, MeterRegistry meters) {
        this.readFeed = readFeed;
        this.wall = wall;
        this.settings = properties.feed();
        Gauge.builder("aftersales.feeds.open", open, AtomicInteger::get)
                .description("Technicians' push streams open on this instance")
                .register(meters);
        this.refused = Counter.builder("aftersales.feeds.refused")
                .description("Streams refused because this instance had max-connections open, or was draining")
                .register(meters);
        this.dropped = Counter.builder("aftersales.feeds.slow-dropped")
                .description("Streams ended because the phone did not read what it was sent")
                .register(meters);
        this.reads = Counter.builder("aftersales.feeds.reads")
                .description("Feed documents read for open streams (one per woken stream, none while idle)")
                .register(meters);
        this.pushDelay = Timer.builder("aftersales.feeds.push-delay")
                .description("From a change's publication to its entry being queued on an open stream")
                .serviceLevelObjectives(
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5))
                .register(meters);
    }

    /**
     * Opens the caller's stream on this request, held without a thread from here on.
     *
     * @return false when this instance takes no more streams (nothing written to the response then)
     */
    boolean open(String technicianId, long lastSeen, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!running || !reserve()) {
            refused.increment();
            return false;
        }
        FeedStream stream = null;
        try {
            response.setContentType("text/event-stream");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
            // Headers go out now, through every filter's response; the stream then writes its body alone.
            response.flushBuffer();
            var async = request.startAsync();
            // The stream ends itself after max-stream; the container's timeout is only a backstop.
            async.setTimeout(settings.maxStream().plusMinutes(1).toMillis());
            var out = async.getResponse().getOutputStream();
            var now = System.nanoTime();
            var maxStream = settings.maxStream().toNanos();
            stream = new FeedStream(
                    technicianId,
                    lastSeen,
                    async,
                    out,
                    settings.sendBuffer(),
                    now + maxStream - ThreadLocalRandom.current().nextLong(maxStream / 10 + 1),
                    now + settings.heartbeat().toNanos(),
                    this::ended);
            async.addListener(stream);
            register(stream);
            if (!running) {
                // Draining began after the check above and may have missed this stream: end it here.
                stream.end(FeedStream.End.ENDED);
                return true;
            }
            stream.sendAtConnection(retry());
            push(stream, true);
            // Everything in the feed at connection time comes before the first keep-alive.
            stream.sendAtConnection(FeedStream.KEEP_ALIVE);
            out.setWriteListener(stream);
            return true;
        } catch (IOException | RuntimeException e) {
            if (stream != null) {
                stream.end(FeedStream.End.GONE);
            } else {
                open.decrementAndGet();
            }
            throw e;
        }
    }

    /**
     * Takes one of the instance's places, never more than it has: checking and counting in one step,
     * so that streams opening together cannot both take the last place, and a refused stream never
     * touches the count.
     */
    private boolean reserve() {
        var max = settings.maxConnections();
        for (int n = open.get(); n < max; n = open.get()) {
            if (open.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Registered before the first read, so a change recorded meanwhile wakes it and none is missed.
     * Added inside the map's atomic step for the technician: added to the set found by a lookup, it
     * could land in a set that the end of the technician's last other stream has just taken out of
     * the map, and would then never be woken, kept alive or drained.
     */
    private void register(FeedStream stream) {
        byTechnician.compute(stream.technicianId(), (id, streams) -> {
            var set = streams == null ? ConcurrentHashMap.<FeedStream>newKeySet() : streams;
            set.add(stream);
            return set;
        });
    }

    /** How long a refused app should wait: a few seconds, spread so that refused apps do not return together. */
    long retryAfterSeconds() {
        return 5 + ThreadLocalRandom.current().nextLong(11);
    }

    @Override
    public void changed(String technicianId, String entryId, Instant publishedAt) {
        var streams = byTechnician.get(technicianId);
        if (streams == null) {
            return;
        }
        var since = publishedAt == null ? wall.millis() : publishedAt.toEpochMilli();
        for (var stream : streams) {
            if (stream.expect(entryId, since)) {
                read(stream);
            }
        }
    }

    /**
     * A case's priority changed: the streams whose feed holds the case expect a PRIORITY entry whose
     * id starts with the event's. Walks this instance's streams (priority changes are rare) instead of
     * reading which technician holds the case.
     */
    @Override
    public void caseChanged(String complaintId, String eventId, Instant publishedAt) {
        var since = publishedAt == null ? wall.millis() : publishedAt.toEpochMilli();
        for (var streams : byTechnician.values()) {
            for (var stream : streams) {
                if (stream.holds(complaintId) && stream.expect(eventId, since)) {
                    read(stream);
                }
            }
        }
    }

    int openStreams() {
        return open.get();
    }

    private void read(FeedStream stream) {
        try {
            readers.execute(() -> push(stream, false));
        } catch (RejectedExecutionException e) {
            // shutting down: the stream is ended anyway
        }
    }

    /** One read of the technician's feed; what is new goes to the stream. */
    private void push(FeedStream stream, boolean atConnection) {
        if (stream.closed()) {
            return;
        }
        stream.reading();
        boolean lookAgain;
        try {
            var entries = readFeed.entries(stream.technicianId());
            reads.increment();
            var delivered = stream.deliver(entries, wall.millis(), atConnection);
            delivered.delaysMillis().forEach(ms -> pushDelay.record(ms, TimeUnit.MILLISECONDS));
            lookAgain = delivered.stillAwaiting();
        } catch (RuntimeException e) {
            log.warn("reading a technician's feed for an open stream failed, looking again: {}", e.toString());
            lookAgain = true;
        }
        if (lookAgain) {
            var attempt = stream.nextRetry(LOOK_AGAIN_MILLIS.length);
            if (attempt >= 0) {
                try {
                    ticker.schedule(
                            () -> {
                                if (stream.queueRead()) {
                                    read(stream);
                                }
                            },
                            LOOK_AGAIN_MILLIS[attempt],
                            TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    // shutting down
                }
            }
        }
    }

    /** Keep-alives, and the end of streams open for max-stream; one pass over every stream. */
    private void tick() {
        try {
            var now = System.nanoTime();
            var interval = settings.heartbeat().toNanos();
            var ending = new ArrayList<FeedStream>();
            for (var streams : byTechnician.values()) {
                for (var stream : streams) {
                    if (stream.heartbeatDue(now, interval)) {
                        ending.add(stream);
                    }
                }
            }
            ending.forEach(stream -> stream.end(FeedStream.End.ENDED));
        } catch (RuntimeException e) {
            log.warn("feed heartbeat pass failed: {}", e.toString());
        }
    }

    private void ended(FeedStream stream, FeedStream.End how) {
        byTechnician.computeIfPresent(stream.technicianId(), (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
        open.decrementAndGet();
        if (how == FeedStream.End.SLOW) {
            dropped.increment();
        }
    }

    /** The reconnect delay for one stream: between retry and twice retry, so reconnections spread. */
    private byte[] retry() {
        var base = settings.retry().toMillis();
        var millis = base + ThreadLocalRandom.current().nextLong(base + 1);
        return ("retry: " + millis + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(daemon("feed-heartbeat"));
        readers = Executors.newFixedThreadPool(settings.pushThreads(), daemon("feed-push"));
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        running = true;
    }

    /**
     * Draining: refuse new streams and end the open ones before the web server's graceful shutdown
     * (a higher phase stops first), so every app reconnects, after its jittered retry, elsewhere.
     */
    @Override
    public void stop() {
        running = false;
        var all = new ArrayList<FeedStream>();
        byTechnician.values().forEach(all::addAll);
        all.forEach(stream -> stream.end(FeedStream.End.ENDED));
        if (!all.isEmpty()) {
            log.info("draining: ended {} open feeds", all.size());
        }
        ticker.shutdownNow();
        readers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        var count = new AtomicInteger();
        return r -> {
            var thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
