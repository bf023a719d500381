package dev.aftersales.local;

import dev.aftersales.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The local stack's stand-in for the SMS gateway: it reads {@link Topics#DISPATCH_SMS} with the {@code
 * sms-gateway} principal's credentials (the only principal allowed to) and appends each message, as sent,
 * to {@code <data>/sms-gateway.log} (one line each: time, assignment id, the message's JSON with
 * {@code to} and {@code text}), a file only its owner reads: that is where a tester finds the code
 * "sent to the customer's phone". At least once: offsets are committed after the lines are written, so a
 * message may appear twice after a crash (its {@code messageId} tells), never not at all.
 */
final class SmsGateway implements AutoCloseable {

    static final String FILE = "sms-gateway.log";

    private final Path file;
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;

    private SmsGateway(Path file, Map<String, Object> client) {
        this.file = file;
        var props = new HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, BusAccess.SMS_GATEWAY_GROUP);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Dispatch creates the topic after the gateway subscribes: look for it every few seconds.
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumer = new KafkaConsumer<>(props);
        this.thread = new Thread(this::run, "sms-gateway");
        thread.setDaemon(true);
    }

    /** Starts reading; the topic may not exist yet (dispatch creates it), the consumer waits for it. */
    static SmsGateway start(Path dataDir, Map<String, Object> client) {
        var file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        var gateway = new SmsGateway(file, client);
        gateway.thread.start();
        return gateway;
    }

    Path file() {
        return file;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.DISPATCH_SMS));
            while (!Thread.currentThread().isInterrupted()) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                var lines = new StringBuilder();
                for (var record : records) {
                    lines.append(Instant.ofEpochMilli(record.timestamp()))
                            .append(' ')
                            .append(record.key())
                            .append(' ')
                            .append(record.value())
                            .append('\n');
                }
                Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } catch (IOException e) {
            System.err.println("[local] sms-gateway stopped: cannot write " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // E.g. the broker refused the principal: say so, rather than die silently on a daemon thread.
            System.err.println("[local] sms-gateway stopped: " + e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
