package dev.aftersales.dispatch.feed.adapter.web;

import dev.aftersales.dispatch.feed.domain.FeedEntry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One phone's open stream, held without a thread. What is to be sent waits in a bounded queue and is
 * written only when the connection can take it (servlet non-blocking output), so a phone that stops
 * reading fills its own queue and is dropped, never holding a thread that the other streams need.
 * Any thread may call any method: the stream's monitor guards its state and is never held while
 * writing to the connection or reporting the end. When the container ends the request itself (the
 * phone went away, a timeout) its callback waits for a write under way and no thread touches the
 * request after it: the container recycles the request for another connection.
 */
final class FeedStream implements WriteListener, AsyncListener {

    /** How the stream ended, as counted by the registry. */
    enum End {
        /** The phone went away, or its connection broke. */
        GONE,
        /** Open for {@code max-stream}, or the instance is draining: the app reconnects. */
        ENDED,
        /** The phone did not read what it was sent; it resumes with Last-Event-ID. */
        SLOW
    }

    interface Ending {
        void ended(FeedStream stream, End end);
    }

    /** What a read of the feed handed to this stream. */
    record Delivered(List<Long> delaysMillis, boolean stillAwaiting) {}

    static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    /**
     * How long a container thread ending the request waits for a write in flight on another thread: a
     * non-blocking write takes microseconds, and the bound keeps a container thread from ever hanging here.
     */
    private static final long CONTAINER_WAIT_MILLIS = 2000;

    /** Entry ids remembered as sent, so a second hint for the same entry costs no read. */
    private static final int REMEMBERED = 64;

    private final String technicianId;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final int bufferLimit;
    private final Ending ending;
    private final long endsAtNanos;
    /** Touched by the heartbeat thread only. */
    private long nextHeartbeatNanos;

    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    private int waitingBytes;
    /** Bytes queued at connection, which the buffer limit does not count. */
    private long allowance;

    private boolean closed;
    /** Set once the container said the connection takes writes; before that nothing is written. */
    private volatile boolean writable;

    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean completed = new AtomicBoolean();

    private long lastSeq;
    private final LinkedHashSet<String> sent = new LinkedHashSet<>();
    /** Hints not yet satisfied: entry id (or the id its entries' ids start with, followed by '/') → wall millis. */
    private final Map<String, Long> awaited = new HashMap<>();

    private final Set<String> complaints = new HashSet<>();
    private boolean readQueued;
    private int retries;

    FeedStream(
            String technicianId,
            long lastSeen,
            AsyncContext async,
            ServletOutputStream out,
            int bufferLimit,
            long endsAtNanos,
            long nextHeartbeatNanos,
            Ending ending) {
        this.technicianId = technicianId;
        this.lastSeq = lastSeen;
        this.async = async;
        this.out = out;
        this.bufferLimit = bufferLimit;
        this.endsAtNanos = endsAtNanos;
        this.nextHeartbeatNanos = nextHeartbeatNanos;
        this.ending = ending;
    }

    String technicianId() {
        return technicianId;
    }

    /**
     * A hint that an entry is (about to be) in the feed.
     *
     * @return true when the caller must queue a read of the feed for this stream
     */
    synchronized boolean expect(String entryId, long sinceMillis) {
        if (closed || sent.stream().anyMatch(id -> matches(id, entryId))) {
            return false;
        }
        awaited.putIfAbsent(entryId, sinceMillis);
        return queueRead();
    }

    /** @return true when the caller must queue a read: none is queued yet and the stream is open */
    synchronized boolean queueRead() {
        if (closed || readQueued) {
            return false;
        }
        readQueued = true;
        return true;
    }

    /** Called before the read, so that a hint arriving during it queues another one. */
    synchronized void reading() {
        readQueued = false;
    }

    synchronized boolean holds(String complaintId) {
        return complaints.contains(complaintId);
    }

    synchronized boolean closed() {
        return closed;
    }

    /**
     * Queues the feed's entries this phone has not been sent, oldest first, and settles the hints they
     * answer. What a phone missed while away (at most the entries a feed retains) is queued whole at
     * connection; later entries count against the buffer.
     */
    Delivered deliver(List<FeedEntry> entries, long nowMillis, boolean atConnection) {
        var delays = new ArrayList<Long>();
        boolean overflow = false;
        boolean awaiting;
        synchronized (this) {
            for (var entry : entries) {
                complaints.add(entry.complaintId());
                if (entry.seq() > lastSeq) {
                    // Queued under the monitor with lastSeq, so two reads racing cannot reorder entries.
                    overflow |= !enqueue(format(entry), atConnection);
                    lastSeq = entry.seq();
                    remember(entry.eventId());
                    awaited.entrySet().removeIf(hint -> {
                        if (matches(entry.eventId(), hint.getKey())) {
                            delays.add(Math.max(0, nowMillis - hint.getValue()));
                            return true;
                        }
                        return false;
                    });
                } else {
                    // Sent before the hint came (the initial read, an earlier hint's read).
                    awaited.keySet().removeIf(hint -> matches(entry.eventId(), hint));
                }
            }
            if (awaited.isEmpty()) {
                retries = 0;
            }
            awaiting = !awaited.isEmpty() && !closed && !overflow;
        }
        if (overflow) {
            end(End.SLOW);
        } else {
            pump();
        }
        return new Delivered(delays, awaiting);
    }

    /** @return the number of the next look for an entry not yet written, or -1 when it is given up */
    synchronized int nextRetry(int maxRetries) {
        if (retries >= maxRetries) {
            awaited.clear();
            retries = 0;
            return -1;
        }
        return retries++;
    }

    /** @return true when the stream is past its end and must be ended */
    boolean heartbeatDue(long nowNanos, long intervalNanos) {
        if (nowNanos - endsAtNanos >= 0) {
            return true;
        }
        if (nowNanos - nextHeartbeatNanos >= 0) {
            nextHeartbeatNanos = nowNanos + intervalNanos;
            send(KEEP_ALIVE);
        }
        return false;
    }

    /** Queues bytes for the phone; a phone with more than the buffer waiting is dropped. */
    void send(byte[] chunk) {
        send(chunk, false);
    }

    /** Queues what the phone is sent when it connects, whatever its size: it is bounded by the feed. */
    void sendAtConnection(byte[] chunk) {
        send(chunk, true);
    }

    private void send(byte[] chunk, boolean atConnection) {
        boolean queued;
        synchronized (this) {
            if (closed) {
                return;
            }
            queued = enqueue(chunk, atConnection);
        }
        if (queued) {
            pump();
        } else {
            end(End.SLOW);
        }
    }

    /**
     * The buffer is counted beyond what was queued at connection, so a phone catching up on a long
     * backlog is not dropped for a keep-alive queued behind it.
     *
     * @return false when the chunk would overflow the buffer (nothing queued then); true when queued or closed
     */
    private boolean enqueue(byte[] chunk, boolean atConnection) {
        if (closed) {
            return true;
        }
        if (atConnection) {
            allowance += chunk.length;
        } else if (waitingBytes + chunk.length > bufferLimit + allowance) {
            return false;
        }
        waiting.add(chunk);
        waitingBytes += chunk.length;
        return true;
    }

    /**
     * Writes what waits while the connection takes it; the container calls {@link #onWritePossible}
     * for the rest. Never waits for a lock: the container may call in holding its own lock on the
     * connection, which a thread writing here needs, so a second caller leaves the work to the first.
     * Every touch of the connection (write, flush, readiness, completion) happens under the writing
     * lock, here or in the container's own end ({@link #endedByContainer}), by one thread at a time: a
     * request completed by one thread while another is writing to it can be left open.
     */
    private void pump() {
        again.set(true);
        while (again.get() && writing.tryLock()) {
            try {
                again.set(false);
                writeWaiting();
            } finally {
                writing.unlock();
            }
        }
    }

    private void writeWaiting() {
        try {
            while (writable && !closed() && out.isReady()) {
                byte[] chunk;
                synchronized (this) {
                    if (closed) {
                        break;
                    }
                    chunk = waiting.poll();
                    if (chunk != null) {
                        waitingBytes -= chunk.length;
                    }
                }
                if (chunk == null) {
                    out.flush();
                    // Asked once more so that the container calls back when a flush could not finish.
                    out.isReady();
                    break;
                }
                out.write(chunk);
            }
        } catch (IOException | RuntimeException e) {
            // A broken connection, or one the container has already ended (its facades discarded).
            close(End.GONE);
        }
        if (closed()) {
            complete();
        }
    }

    /** Ends the stream: its registry is told at once, the request is completed by whoever writes next. */
    void end(End how) {
        if (close(how)) {
            pump();
        }
    }

    /** @return true when this call closed the stream (the registry is told exactly once) */
    private boolean close(End how) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            waiting.clear();
            waitingBytes = 0;
        }
        ending.ended(this, how);
        return true;
    }

    /**
     * Called under the writing lock, so never while another thread writes to the connection (unless the
     * container's bounded wait for that lock ran out).
     */
    private void complete() {
        if (completed.compareAndSet(false, true)) {
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // the container ended the request already (the phone went away, a timeout)
            }
        }
    }

    @Override
    public void onWritePossible() {
        writable = true;
        pump();
    }

    @Override
    public void onError(Throwable t) {
        endedByContainer(End.GONE);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // Completed by the container: nothing left to complete.
        completed.set(true);
        endedByContainer(End.GONE);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        endedByContainer(End.ENDED);
    }

    @Override
    public void onError(AsyncEvent event) {
        endedByContainer(End.GONE);
    }

    /**
     * The container ends the request on this thread and, once its callbacks return, recycles the request
     * and response for the connection's next request (or another connection's): a write still under way
     * on another thread would land there. So this closes the stream (a write begun later sees it closed
     * before it touches the connection), waits for a write in flight, and completes the request here, as
     * the container expects of an error callback. The wait is bounded: should that write itself wait for
     * the container's lock on the connection, held while this callback runs, the callback goes on after
     * the bound and completes the request beside the write, as before this wait existed.
     */
    private void endedByContainer(End how) {
        close(how);
        boolean locked = false;
        try {
            locked = writing.tryLock(CONTAINER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            complete();
        } finally {
            if (locked) {
                writing.unlock();
            }
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}

    private void remember(String entryId) {
        sent.add(entryId);
        if (sent.size() > REMEMBERED) {
            sent.remove(sent.iterator().next());
        }
    }

    /** An entry answers a hint with its own id, or with the id of the event it came from ({@code <event>/<assignment>}). */
    private static boolean matches(String entryId, String hint) {
        return entryId.equals(hint) || (entryId.startsWith(hint) && entryId.charAt(hint.length()) == '/');
    }

    static byte[] format(FeedEntry entry) {
        return ("id: " + entry.seq() + "\nevent: " + entry.change() + "\ndata: {\"assignmentId\":\""
                        + entry.assignmentId() + "\",\"complaintId\":\"" + entry.complaintId() + "\",\"at\":\""
                        + entry.at() + "\""
                        + (entry.priority() == null ? "" : ",\"priority\":\"" + entry.priority() + "\"")
                        + "}\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
