package dev.aftersales.chassis.test;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.contracts.EventCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches a topic from the moment it is opened: what a test stimulates afterwards shows up here
 * with its headers, so tests can assert both what was published and that nothing was.
 */
public final class EventTap implements AutoCloseable {

    /** A record as seen on the topic. */
    public record Seen(String topic, String key, Map<String, String> headers, String payload) {
        public String type() {
            return headers.get("ce_type");
        }

        public String id() {
            return headers.get("ce_id");
        }

        public <T> T as(Class<T> payloadType) {
            return EventJson.read(payload.getBytes(UTF_8), payloadType);
        }

        public boolean is(Class<? extends Record> payloadType) {
            return EventCatalog.ofPayload(payloadType).type().equals(type());
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Seen> seen = new ArrayList<>();

    private EventTap(String brokers, List<String> topics) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(props);
        createMissing(brokers, topics);
        var partitions = new ArrayList<TopicPartition>();
        for (var topic : topics) {
            partitionsOf(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** A topic just created may not be in the consumer's metadata yet: asked again until it is. */
    private List<org.apache.kafka.common.PartitionInfo> partitionsOf(String topic) {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (!partitions.isEmpty() || System.nanoTime() > deadline) {
                return partitions;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A topic nobody created yet (no producer has run) is created, so the tap can start at its end. */
    private static void createMissing(String brokers, List<String> topics) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            var existing = admin.listTopics().names().get();
            var missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.of(2), Optional.empty()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static EventTap open(String brokers, String... topics) {
        return new EventTap(brokers, List.of(topics));
    }

    /** Waits up to {@code timeout} for a record matching {@code match}. */
    public Seen await(Predicate<Seen> match, Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (var s : seen) {
                if (match.test(s)) {
                    return s;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching record within " + timeout + "; saw " + seen);
            }
            poll(Duration.ofMillis(100));
        }
    }

    public <T extends Record> T await(Class<T> payloadType, Duration timeout) {
        return await(s -> s.is(payloadType), timeout).as(payloadType);
    }

    /** Everything seen so far, after listening for {@code quiet} more. */
    public List<Seen> drain(Duration quiet) {
        var deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100));
        }
        return List.copyOf(seen);
    }

    private void poll(Duration timeout) {
        for (var record : consumer.poll(timeout)) {
            var headers = new LinkedHashMap<String, String>();
            record.headers()
                    .forEach(h -> headers.put(h.key(), h.value() == null ? null : new String(h.value(), UTF_8)));
            seen.add(new Seen(
                    record.topic(),
                    record.key(),
                    headers,
                    record.value() == null ? null : new String(record.value(), UTF_8)));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
