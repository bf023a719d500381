package dev.aftersales.chassis.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets operations see why records were dead-lettered and send them back once the cause is fixed.
 * Listed payloads leave out the customer's personal data ({@link DeadLetterPayloads}).
 * A replay republishes the original record, headers and {@code ce_id} included, to its original
 * topic, so a record replayed twice is still handled once.
 */
@RestController
@RequestMapping("/admin/dead-letters")
@PreAuthorize("hasRole('OPS')")
class DeadLetterController {

    /** Headers that a replay copies back; the dead-letter bookkeeping headers stay behind. */
    private static final Set<String> REPLAYED_HEADERS = Set.of(
            CloudEventHeaders.SPEC_VERSION,
            CloudEventHeaders.ID,
            CloudEventHeaders.SOURCE,
            CloudEventHeaders.TYPE,
            CloudEventHeaders.TIME,
            CloudEventHeaders.SUBJECT,
            CloudEventHeaders.CONTENT_TYPE,
            CloudEventHeaders.TRACEPARENT);

    private static final Duration POLL = Duration.ofMillis(500);

    record DeadLetter(
            String topic,
            int partition,
            long offset,
            String key,
            String eventId,
            String type,
            String reason,
            Instant deadLetteredAt,
            String payload) {}

    record Replayed(String topic, int partition, long offset, String replayedTo) {}

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> template;
    private final EventSubscriptions subscriptions;

    DeadLetterController(
            ConsumerFactory<String, byte[]> eventConsumerFactory,
            KafkaTemplate<String, byte[]> eventTemplate,
            org.springframework.beans.factory.ObjectProvider<EventSubscriptions> subscriptions) {
        this.consumers = eventConsumerFactory;
        this.template = eventTemplate;
        this.subscriptions =
                EventSubscriptions.merge(subscriptions.orderedStream().toList());
    }

    /** The dead-letter topics of what this service consumes. */
    @GetMapping
    List<String> topics() {
        return subscriptions.topics().stream().map(Topics::deadLetterOf).toList();
    }

    @GetMapping("/{topic}")
    List<DeadLetter> list(@PathVariable String topic, @RequestParam(defaultValue = "100") int limit) {
        requireDeadLetterTopic(topic);
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "must be between 1 and 1000");
        }
        var result = new ArrayList<DeadLetter>();
        try (var consumer = newConsumer()) {
            var partitions = partitionsOf(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (result.size() < limit && !reached(consumer, end)) {
                for (var record : consumer.poll(POLL)) {
                    if (result.size() < limit) {
                        result.add(toDeadLetter(record));
                    }
                }
            }
        }
        return result;
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Replayed replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset)
            throws Exception {
        requireDeadLetterTopic(topic);
        ConsumerRecord<String, byte[]> found = null;
        try (var consumer = newConsumer()) {
            var tp = new TopicPartition(topic, partition);
            if (!partitionsOf(consumer, topic).contains(tp)) {
                throw new NotFoundException("no partition " + partition + " in " + topic);
            }
            consumer.assign(List.of(tp));
            var end = consumer.endOffsets(List.of(tp)).get(tp);
            if (offset < 0 || offset >= end) {
                throw new NotFoundException("no record at offset " + offset);
            }
            consumer.seek(tp, offset);
            while (found == null && consumer.position(tp) <= offset) {
                for (var record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        found = record;
                    }
                }
            }
        }
        if (found == null) {
            throw new NotFoundException("no record at offset " + offset);
        }
        var origin = Topics.originOf(topic);
        var headers = new RecordHeaders();
        for (var header : found.headers()) {
            if (REPLAYED_HEADERS.contains(header.key())) {
                headers.add(header);
            }
        }
        template.send(new ProducerRecord<>(origin, null, found.key(), found.value(), headers))
                .get();
        return new Replayed(topic, partition, offset, origin);
    }

    private Consumer<String, byte[]> newConsumer() {
        // No group: reading the dead letters must not move any consumer group's offsets.
        var overrides = new java.util.Properties();
        overrides.put(ConsumerConfig.GROUP_ID_CONFIG, "");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return consumers.createConsumer(null, null, null, overrides);
    }

    private static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos == null || infos.isEmpty()) {
            throw new NotFoundException("no topic " + topic);
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static void requireDeadLetterTopic(String topic) {
        if (!Topics.isDeadLetter(topic)) {
            throw new InvalidRequestException("topic", "must be a dead-letter topic ending in .DLT");
        }
    }

    private static DeadLetter toDeadLetter(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                EventDispatcher.header(record, CloudEventHeaders.ID),
                EventDispatcher.header(record, CloudEventHeaders.TYPE),
                EventDispatcher.header(record, KafkaConfiguration.DLT_REASON),
                Instant.ofEpochMilli(record.timestamp()),
                record.value() == null ? null : DeadLetterPayloads.redact(new String(record.value(), UTF_8)));
    }
}
