package dev.aftersales.dispatch.feed.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One thread at a time touches a stream's connection, the completion of its request included: the
 * container recycles a completed request for the connection's next one, so a write still running
 * when another thread completes the request would land on that next request.
 */
class FeedStreamTest {

    /** A connection that always takes writes; what a write does is up to each test's connection. */
    abstract static class ReadyConnection extends ServletOutputStream {

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}
    }

    /** A connection whose writes block until released, as a thread's write may be under way anywhere. */
    static final class HeldConnection extends ReadyConnection {

        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {
            writing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    final AsyncContext async = mock(AsyncContext.class);
    final HeldConnection connection = new HeldConnection();
    final AtomicInteger endsReported = new AtomicInteger();
    final FeedStream stream = new FeedStream(
            "T-1",
            0,
            async,
            connection,
            4096,
            Long.MAX_VALUE,
            Long.MAX_VALUE,
            (s, how) -> endsReported.incrementAndGet());

    /** A thread that sends a keep-alive and is held in the connection's write; returned once it is there. */
    Thread aWriteUnderWay() throws InterruptedException {
        stream.onWritePossible();
        var writer = new Thread(() -> stream.send(FeedStream.KEEP_ALIVE));
        writer.start();
        assertThat(connection.writing.await(10, TimeUnit.SECONDS)).isTrue();
        return writer;
    }

    @Test
    void a_stream_ended_while_another_thread_writes_completes_its_request_only_after_that_write() throws Exception {
        var writer = aWriteUnderWay();

        stream.end(FeedStream.End.ENDED);

        assertThat(endsReported).as("the registry is told at once").hasValue(1);
        verify(async, never()).complete();
        connection.release.countDown();
        writer.join(10_000);
        verify(async, times(1)).complete();
    }

    @Test
    void a_stream_ended_by_several_threads_and_then_by_the_container_is_reported_and_completed_once() throws Exception {
        connection.release.countDown();
        stream.onWritePossible();
        var enders = new ArrayList<Thread>();
        for (int i = 0; i < 8; i++) {
            var ender = new Thread(() -> stream.end(FeedStream.End.GONE));
            enders.add(ender);
            ender.start();
        }
        for (var ender : enders) {
            ender.join(10_000);
        }
        stream.onComplete(null);

        assertThat(endsReported).hasValue(1);
        verify(async, times(1)).complete();
    }

    @Test
    void a_stream_ended_before_the_connection_took_any_write_still_completes_its_request() {
        stream.send(FeedStream.KEEP_ALIVE);

        stream.end(FeedStream.End.ENDED);

        verify(async, times(1)).complete();
        assertThat(endsReported).hasValue(1);
    }

    @Test
    void the_container_ending_the_request_waits_for_a_write_under_way_then_completes_it_once() throws Exception {
        var writer = aWriteUnderWay();

        // The phone went away: the container reports it on its own thread, then recycles the request.
        var container = new Thread(() -> stream.onError(new IOException("Broken pipe")));
        container.start();
        container.join(300);
        assertThat(container.isAlive())
                .as("the container's callback returns only after the write under way")
                .isTrue();
        verify(async, never()).complete();

        connection.release.countDown();
        container.join(10_000);
        writer.join(10_000);
        verify(async, times(1)).complete();
        assertThat(endsReported).hasValue(1);
    }

    @Test
    void a_connection_the_container_has_discarded_ends_the_stream_instead_of_leaving_it_open() {
        var discarded = new ReadyConnection() {
            @Override
            public void write(int b) {
                // What a recycled connector's output stream does when its buffer is gone.
                throw new NullPointerException("output buffer");
            }
        };
        var ends = new ArrayList<FeedStream.End>();
        var onDiscarded = new FeedStream(
                "T-1", 0, async, discarded, 4096, Long.MAX_VALUE, Long.MAX_VALUE, (s, how) -> ends.add(how));
        onDiscarded.onWritePossible();

        onDiscarded.send(FeedStream.KEEP_ALIVE);

        assertThat(ends).containsExactly(FeedStream.End.GONE);
        assertThat(onDiscarded.closed()).isTrue();
    }
}
