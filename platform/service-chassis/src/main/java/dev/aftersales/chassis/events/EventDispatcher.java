package dev.aftersales.chassis.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.trace.TraceContext;
import dev.aftersales.contracts.CloudEventHeaders;
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
 */
class EventDispatcher implements MessageListener<String, byte[]> {

    private final EventSubscriptions subscriptions;
    private final Validator validator;
    private final MeterRegistry meters;
    private final Counter skipped;

    EventDispatcher(EventSubscriptions subscriptions, Validator validator, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.validator = validator;
        this.meters = meters;
        this.skipped = Counter.builder("aftersales.events.skipped")
                .description("Records of event types this service does not consume")
                .register(meters);
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        var type = header(record, CloudEventHeaders.TYPE);
        if (type == null) {
            throw new PoisonEventException("record has no " + CloudEventHeaders.TYPE + " header");
        }
        var handlers = subscriptions.forType(type);
        if (handlers.isEmpty()) {
            skipped.increment();
            return;
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

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}
