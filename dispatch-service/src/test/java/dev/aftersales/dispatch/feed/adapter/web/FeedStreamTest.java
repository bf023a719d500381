package dev.aftersales.dispatch.feed.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
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

    /** A connection whose writes block until released, as a thread's write may be under way anywhere. */
    static final class HeldConnection extends ServletOutputStream {

        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}

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

    @Test
    void a_stream_ended_while_another_thread_writes_completes_its_request_only_after_that_write() throws Exception {
        stream.onWritePossible();
        var writer = new Thread(() -> stream.send(FeedStream.KEEP_ALIVE));
        writer.start();
        assertThat(connection.writing.await(10, TimeUnit.SECONDS)).isTrue();

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
}
