package dev.aftersales.chassis.test;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.EventCatalog;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as another service would, CloudEvents headers included, for "this event in" tests. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TestEvents(String brokers) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    /** Publishes {@code event} on its catalog topic with a new {@code ce_id}; returns that id. */
    public String publish(Record event, String key) {
        return publish(event, key, UUID.randomUUID().toString());
    }

    /** Publishes with a given {@code ce_id}, e.g. to redeliver an event. */
    public String publish(Record event, String key, String eventId) {
        var entry = EventCatalog.ofPayload(event.getClass());
        return publishRaw(
                entry.topic(),
                key,
                EventJson.write(event),
                Map.of(
                        CloudEventHeaders.ID,
                        eventId,
                        CloudEventHeaders.TYPE,
                        entry.type(),
                        CloudEventHeaders.SOURCE,
                        EventCatalog.sourceOf(entry.service())));
    }

    /**
     * Publishes any bytes with any headers (plus the fixed CloudEvents ones), e.g. a poison record.
     * Without a {@code ce_source} among them, the record names its topic's producer, as a record
     * that made it past the broker's ACLs would.
     */
    public String publishRaw(String topic, String key, String payload, Map<String, String> extraHeaders) {
        var headers = new RecordHeaders();
        if (!extraHeaders.containsKey(CloudEventHeaders.SOURCE)) {
            EventCatalog.ownerOf(topic)
                    .ifPresent(owner -> headers.add(
                            CloudEventHeaders.SOURCE,
                            EventCatalog.sourceOf(owner).getBytes(UTF_8)));
        }
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, key.getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
        extraHeaders.forEach((k, v) -> headers.add(k, v.getBytes(UTF_8)));
        try {
            producer.send(new ProducerRecord<>(
                            topic, null, key, payload == null ? null : payload.getBytes(UTF_8), headers))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return extraHeaders.get(CloudEventHeaders.ID);
    }

    @Override
    public void close() {
        producer.close();
    }
}
