package dev.aftersales.chassis.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.logging.PersonalData;
import dev.aftersales.chassis.trace.TraceContext;
import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.EventCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.core.JacksonException;

/**
 * Turns a record into a validated {@link ReceivedEvent} and calls its handler. Whatever can never
 * succeed (no type or id, unreadable or invalid payload) is a {@link PoisonEventException}, which
 * the error handler sends to the dead-letter topic without retrying. Types nobody subscribed to are
 * skipped: topics carry many types and new ones appear before their consumers learn them.
 *
 * <p>Records are checked, not trusted: a record whose {@code ce_source} is not the producer of its
 * topic, or whose type belongs on another topic, is dead-lettered before anything reads its
 * payload. The broker's ACLs let only the producer write its topics; this check catches what a
 * misconfigured cluster or a leaked credential would let through.
 */
class EventDispatcher implements MessageListener<String, byte[]> {

    private static final int SHOWN_HEADER_LENGTH = 100;

    private final EventSubscriptions subscriptions;
    private final ConsumedTopics topics;
    private final Validator validator;
    private final MeterRegistry meters;
    private final Counter skipped;

    EventDispatcher(
            EventSubscriptions subscriptions, ConsumedTopics topics, Validator validator, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.topics = topics;
        this.validator = validator;
        this.meters = meters;
        this.skipped = Counter.builder("aftersales.events.skipped")
                .description("Records of event types this service does not consume")
                .register(meters);
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        var origin = topics.originOf(record.topic());
        var type = header(record, CloudEventHeaders.TYPE);
        if (type == null) {
            throw new PoisonEventException("record has no " + CloudEventHeaders.TYPE + " header");
        }
        var producer = EventCatalog.ownerOf(origin).map(EventCatalog::sourceOf);
        var source = header(record, CloudEventHeaders.SOURCE);
        if (producer.isEmpty() || !producer.get().equals(source)) {
            forged(meters, origin).increment();
            throw new PoisonEventException("forged record: " + CloudEventHeaders.SOURCE + " " + shown(source)
                    + " is not the producer of " + origin + " (" + producer.orElse("none") + ")");
        }
        var handlers = subscriptions.forType(type);
        if (handlers.isEmpty()) {
            skipped.increment();
            return;
        }
        if (!handlers.get(0).entry().topic().equals(origin)) {
            forged(meters, origin).increment();
            throw new PoisonEventException("forged record: " + type + " travels on "
                    + handlers.get(0).entry().topic() + ", not on " + origin);
        }
        var id = header(record, CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw new PoisonEventException("record has no " + CloudEventHeaders.ID + " header");
        }
        TraceContext.continueOrStart(header(record, CloudEventHeaders.TRACEPARENT));
        try {
            // Every handler of one type reads the same payload type: parse once, hand it to each.
            var first = handlers.get(0);
            var event = receive(first, record, type, id);
            for (var subscription : handlers) {
                dispatch(subscription, event);
            }
        } finally {
            TraceContext.clear();
        }
    }

    private <T> ReceivedEvent<T> receive(
            EventSubscriptions.Subscription<T> subscription,
            ConsumerRecord<String, byte[]> record,
            String type,
            String id) {
        var payload = parse(record.value(), subscription.payloadType());
        return new ReceivedEvent<>(
                id,
                type,
                header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT),
                time(record),
                payload);
    }

    @SuppressWarnings("unchecked")
    private <T> void dispatch(EventSubscriptions.Subscription<T> subscription, ReceivedEvent<?> event) {
        Timer.builder("aftersales.events.handled")
                .description("Time to handle one consumed event")
                .tag("type", subscription.entry().name())
                .register(meters)
                .record(() -> subscription.handler().handle((ReceivedEvent<T>) event));
    }

    private <T> T parse(byte[] value, Class<T> payloadType) {
        if (value == null) {
            throw new PoisonEventException("record has no payload");
        }
        T payload;
        try {
            payload = EventJson.read(value, payloadType);
        } catch (JacksonException e) {
            throw new PoisonEventException("unreadable payload: " + e.getOriginalMessage(), e);
        }
        var violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("invalid payload: "
                    + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        return payload;
    }

    private static Instant time(ConsumerRecord<String, byte[]> record) {
        var time = header(record, CloudEventHeaders.TIME);
        try {
            return time != null ? Instant.parse(time) : Instant.ofEpochMilli(record.timestamp());
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("malformed " + CloudEventHeaders.TIME + " header", e);
        }
    }

    /** Records refused for claiming a producer other than their topic's; at zero from the start per topic. */
    static Counter forged(MeterRegistry meters, String topic) {
        return Counter.builder("aftersales.events.forged")
                .description("Records whose ce_source or type does not belong to the producer of their topic;"
                        + " dead-lettered without being handled")
                .tag("topic", topic)
                .register(meters);
    }

    /** A header value as a reason may quote it: bounded, one line, phone numbers masked. */
    private static String shown(String value) {
        if (value == null) {
            return "(missing)";
        }
        var oneLine = value.replaceAll("\\p{Cntrl}", " ");
        var bounded =
                oneLine.length() > SHOWN_HEADER_LENGTH ? oneLine.substring(0, SHOWN_HEADER_LENGTH) + "…" : oneLine;
        return "'" + PersonalData.mask(bounded) + "'";
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}
