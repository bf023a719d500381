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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);
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
        var type = checkedType(record, true);
        var handlers = type == null ? List.<EventSubscriptions.Subscription<?>>of() : subscriptions.forType(type);
        if (handlers.isEmpty()) {
            skipped.increment();
            return;
        }
        var id = checkedId(record);
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

    /**
     * Handles records of one type that has a {@link BatchHandler} together, in their order.
     *
     * @return false when nothing was handled: one of them is refused (a poison record, left to
     *     {@link #onMessage} to dead-letter), or the batch handler failed; each is then handled alone
     */
    boolean onMessages(List<ConsumerRecord<String, byte[]>> records) {
        var type = header(records.get(0), CloudEventHeaders.TYPE);
        var together = type == null ? null : subscriptions.batchHandlerOf(type);
        if (together == null) {
            return false;
        }
        var subscription = subscriptions.forType(type).get(0); // the only one: it handles batches
        var events = new ArrayList<ReceivedEvent<?>>(records.size());
        try {
            for (var record : records) {
                // a forgery is counted once, when the record is handled alone
                if (!type.equals(checkedType(record, false))) {
                    return false;
                }
                events.add(receive(subscription, record, type, checkedId(record)));
            }
        } catch (PoisonEventException e) {
            return false;
        }
        TraceContext.continueOrStart(header(records.get(0), CloudEventHeaders.TRACEPARENT));
        long start = System.nanoTime();
        try {
            handleTogether(together, events);
        } catch (RuntimeException e) {
            log.warn(
                    "{} {} events handled together failed, handling each alone: {}", events.size(), type, e.toString());
            return false;
        } finally {
            TraceContext.clear();
        }
        var timer = handledTimer(subscription.entry());
        long each = (System.nanoTime() - start) / events.size();
        events.forEach(e -> timer.record(each, TimeUnit.NANOSECONDS));
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void handleTogether(BatchHandler<?> together, List<ReceivedEvent<?>> events) {
        ((BatchHandler) together).handle(events);
    }

    /** The record's type once its source and topic are checked; null when nobody here consumes it. */
    private String checkedType(ConsumerRecord<String, byte[]> record, boolean countForgeries) {
        var origin = topics.originOf(record.topic());
        var type = header(record, CloudEventHeaders.TYPE);
        if (type == null) {
            throw new PoisonEventException("record has no " + CloudEventHeaders.TYPE + " header");
        }
        var producer = EventCatalog.ownerOf(origin).map(EventCatalog::sourceOf);
        var source = header(record, CloudEventHeaders.SOURCE);
        if (producer.isEmpty() || !producer.get().equals(source)) {
            if (countForgeries) {
                forged(meters, origin).increment();
            }
            throw new PoisonEventException("forged record: " + CloudEventHeaders.SOURCE + " " + shown(source)
                    + " is not the producer of " + origin + " (" + producer.orElse("none") + ")");
        }
        var handlers = subscriptions.forType(type);
        if (handlers.isEmpty()) {
            return null;
        }
        if (!handlers.get(0).entry().topic().equals(origin)) {
            if (countForgeries) {
                forged(meters, origin).increment();
            }
            throw new PoisonEventException("forged record: " + type + " travels on "
                    + handlers.get(0).entry().topic() + ", not on " + origin);
        }
        return type;
    }

    private static String checkedId(ConsumerRecord<String, byte[]> record) {
        var id = header(record, CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw new PoisonEventException("record has no " + CloudEventHeaders.ID + " header");
        }
        return id;
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
        handledTimer(subscription.entry()).record(() -> subscription.handler().handle((ReceivedEvent<T>) event));
    }

    private Timer handledTimer(EventCatalog entry) {
        return Timer.builder("aftersales.events.handled")
                .description("Time to handle one consumed event")
                .tag("type", entry.name())
                .register(meters);
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
