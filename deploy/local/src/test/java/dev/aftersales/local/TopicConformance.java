package dev.aftersales.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.EventCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every record of every event topic from its beginning and checks each payload against the
 * checked-in schema of its {@code ce_type} (the header consumers dispatch on). A plain consumer
 * without a group: it moves no service's offsets. Topics that carry no events of the catalog (the SMS
 * gateway's, dead letters, replays) are not read.
 */
final class TopicConformance {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    /** One record that does not conform: where it is and what is wrong, never what it says. */
    record Violation(String topic, int partition, long offset, String type, String eventId, List<String> problems) {

        @Override
        public String toString() {
            return topic + "/" + partition + "@" + offset + " " + type + ": " + String.join("; ", problems);
        }
    }

    /** What a read found: records read per topic, the types seen, and the violations. */
    record Report(SortedSet<String> types, Map<String, Integer> recordsByTopic, List<Violation> violations) {

        int records() {
            return recordsByTopic.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private TopicConformance() {}

    /** The topics the event catalog names. */
    static SortedSet<String> eventTopics() {
        return Arrays.stream(EventCatalog.values())
                .map(EventCatalog::topic)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** @param client a bus client allowed to read every event topic (the launcher's admin) */
    static Report read(Map<String, Object> client, EventConformance contract) {
        var props = new HashMap<>(client);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        var types = new TreeSet<String>();
        var counts = new TreeMap<String, Integer>();
        var violations = new ArrayList<Violation>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = new ArrayList<TopicPartition>();
            for (var topic : eventTopics()) {
                counts.put(topic, 0);
                var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Up to the ends as they are now: the services may still be writing, and what they write
            // later is another run's to check.
            var end = consumer.endOffsets(partitions);
            var deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the event topics were not read to their ends within " + GIVE_UP);
                }
                for (var record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    counts.merge(record.topic(), 1, Integer::sum);
                    var type = header(record, CloudEventHeaders.TYPE);
                    if (type != null) {
                        types.add(type);
                    }
                    var problems = contract.violations(type, record.value());
                    if (!problems.isEmpty()) {
                        violations.add(new Violation(
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                type,
                                header(record, CloudEventHeaders.ID),
                                problems));
                    }
                }
            }
        }
        return new Report(types, counts, violations);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}
