package dev.aftersales.chassis.test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Counts the records a service under test sends to Kafka from the threads that answer HTTP requests
 * (services publish through the outbox relay's thread; a request that sends itself would show here).
 * Installed on every producer of a service under test by {@link ServiceTestInitializer}; Kafka makes
 * the instances, so the count is the JVM's.
 */
public final class RequestPublishes implements ProducerInterceptor<Object, Object> {

    private static final AtomicLong SENT = new AtomicLong();

    /** Records sent so far while answering a request. */
    public static long count() {
        return SENT.get();
    }

    /** Whether the current thread is one of the web server's request threads. */
    static boolean answeringARequest() {
        return Thread.currentThread().getName().startsWith("http-");
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (answeringARequest()) {
            SENT.incrementAndGet();
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
