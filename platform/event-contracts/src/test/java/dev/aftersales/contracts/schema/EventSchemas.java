package dev.aftersales.contracts.schema;

import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.EventConsumers;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft-07, the dialect AsyncAPI 3 payloads use by default) of every event payload
 * of the {@link EventCatalog}, and the AsyncAPI 3 document that names their topics, producers and
 * consumers. Read off the records as the services' JSON writer writes them: every component is
 * written, absent values as {@code null}; {@code required} are the {@code @NotNull}, {@code
 * @NotBlank}, {@code @NotEmpty} and primitive components, and only they are never null.
 */
final class EventSchemas {

    static final String DIALECT = "http://json-schema.org/draft-07/schema#";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventSchemas() {}

    /** The file name of an event's schema: its {@code ce_type}. */
    static String fileOf(EventCatalog event) {
        return event.type() + ".json";
    }

    /** Every event's schema by file name. */
    static SortedMap<String, ObjectNode> all() {
        var schemas = new TreeMap<String, ObjectNode>();
        for (var event : EventCatalog.values()) {
            schemas.put(fileOf(event), of(event));
        }
        return schemas;
    }

    static ObjectNode of(EventCatalog event) {
        var definitions = new TreeMap<String, ObjectNode>();
        var schema = NODES.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("title", event.payloadType().getSimpleName());
        schema.put(
                "description",
                "Payload of " + event.type() + " on " + event.topic() + ", produced by " + event.service()
                        + "-service. Consumers ignore fields they do not know: new optional fields may appear.");
        schema.setAll(record(event.payloadType(), definitions));
        if (!definitions.isEmpty()) {
            var defs = schema.putObject("definitions");
            definitions.forEach(defs::set);
        }
        return schema;
    }

    private static ObjectNode record(Class<?> type, Map<String, ObjectNode> definitions) {
        var schema = NODES.objectNode();
        schema.put("type", "object");
        var required = new TreeSet<String>();
        var properties = NODES.objectNode();
        for (var component : type.getRecordComponents()) {
            var annotations = Stream.of(
                            component.getAnnotations(),
                            component.getAccessor().getAnnotations(),
                            fieldAnnotations(type, component.getName()))
                    .flatMap(Stream::of)
                    .toArray(Annotation[]::new);
            var notNull = component.getType().isPrimitive() || present(component.getAnnotatedType(), annotations);
            if (notNull) {
                required.add(component.getName());
            }
            properties.set(
                    component.getName(), value(component.getAnnotatedType(), annotations, !notNull, definitions));
        }
        if (!required.isEmpty()) {
            var list = schema.putArray("required");
            required.forEach(list::add);
        }
        schema.set("properties", properties);
        return schema;
    }

    private static ObjectNode value(
            AnnotatedType annotated, Annotation[] declared, boolean nullable, Map<String, ObjectNode> definitions) {
        var annotations = Stream.concat(Stream.of(annotated.getAnnotations()), Stream.of(declared))
                .toArray(Annotation[]::new);
        var raw = raw(annotated);
        var schema = NODES.objectNode();
        String type;
        if (raw == String.class || raw == Character.class || raw == char.class) {
            type = "string";
            size(annotations, schema, "minLength", "maxLength");
            if (has(annotations, NotBlank.class) && !schema.has("minLength")) {
                schema.put("minLength", 1);
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            type = "boolean";
        } else if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            type = "integer";
            schema.put("format", "int32");
            numberBounds(annotations, schema);
        } else if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
            type = "integer";
            schema.put("format", "int64");
            numberBounds(annotations, schema);
        } else if (raw == double.class
                || raw == Double.class
                || raw == float.class
                || raw == Float.class
                || raw == BigDecimal.class) {
            type = "number";
            numberBounds(annotations, schema);
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            type = "string";
            schema.put("format", "date-time");
        } else if (raw == LocalDateTime.class) {
            type = "string";
            schema.put("description", "local date and time, ISO-8601 without offset");
        } else if (raw == LocalDate.class) {
            type = "string";
            schema.put("format", "date");
        } else if (raw == LocalTime.class) {
            type = "string";
            schema.put("format", "time");
        } else if (raw == Duration.class) {
            type = "string";
            schema.put("format", "duration");
        } else if (raw == UUID.class) {
            type = "string";
            schema.put("format", "uuid");
        } else if (raw.isEnum()) {
            type = "string";
            var values = schema.putArray("enum");
            Arrays.stream(raw.getEnumConstants()).forEach(c -> values.add(((Enum<?>) c).name()));
            if (nullable) {
                values.addNull();
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            type = "array";
            size(annotations, schema, "minItems", "maxItems");
            if (has(annotations, NotEmpty.class) && !schema.has("minItems")) {
                schema.put("minItems", 1);
            }
            var element = ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[0];
            schema.set("items", value(element, new Annotation[0], !present(element, new Annotation[0]), definitions));
        } else if (Map.class.isAssignableFrom(raw)) {
            type = "object";
            size(annotations, schema, "minProperties", "maxProperties");
            var value = ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[1];
            schema.set(
                    "additionalProperties",
                    value(value, new Annotation[0], !present(value, new Annotation[0]), definitions));
        } else if (raw.isRecord()) {
            var name = raw.getSimpleName();
            if (!definitions.containsKey(name)) {
                definitions.put(name, NODES.objectNode()); // a placeholder first: records may nest themselves
                definitions.put(name, record(raw, definitions));
            }
            var ref = NODES.objectNode().put("$ref", "#/definitions/" + name);
            if (!nullable) {
                return ref;
            }
            var either = NODES.objectNode();
            either.putArray("anyOf").add(ref).addObject().put("type", "null");
            return either;
        } else {
            throw new IllegalArgumentException("no JSON Schema for " + annotated.getType());
        }
        var typed = NODES.objectNode();
        if (nullable) {
            typed.putArray("type").add(type).add("null");
        } else {
            typed.put("type", type);
        }
        typed.setAll(schema);
        return typed;
    }

    /** Never null: {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty}. */
    private static boolean present(AnnotatedType annotated, Annotation[] declared) {
        var all = Stream.concat(Stream.of(annotated.getAnnotations()), Stream.of(declared))
                .toArray(Annotation[]::new);
        return has(all, NotNull.class) || has(all, NotBlank.class) || has(all, NotEmpty.class);
    }

    private static void size(Annotation[] annotations, ObjectNode schema, String min, String max) {
        for (var annotation : annotations) {
            if (annotation instanceof Size size) {
                if (size.min() > 0) {
                    schema.put(min, size.min());
                }
                if (size.max() < Integer.MAX_VALUE) {
                    schema.put(max, size.max());
                }
            }
        }
    }

    private static void numberBounds(Annotation[] annotations, ObjectNode schema) {
        for (var annotation : annotations) {
            if (annotation instanceof Positive) {
                schema.put("exclusiveMinimum", 0);
            } else if (annotation instanceof PositiveOrZero) {
                schema.put("minimum", 0);
            } else if (annotation instanceof Min min) {
                schema.put("minimum", min.value());
            } else if (annotation instanceof Max max) {
                schema.put("maximum", max.value());
            } else if (annotation instanceof DecimalMin min) {
                schema.put(min.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(min.value()));
            } else if (annotation instanceof DecimalMax max) {
                schema.put(max.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(max.value()));
            }
        }
    }

    private static boolean has(Annotation[] annotations, Class<? extends Annotation> type) {
        return Stream.of(annotations).anyMatch(type::isInstance);
    }

    private static Annotation[] fieldAnnotations(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name).getAnnotations();
        } catch (NoSuchFieldException e) {
            return new Annotation[0];
        }
    }

    private static Class<?> raw(AnnotatedType annotated) {
        var type = annotated.getType();
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        throw new IllegalArgumentException("no JSON Schema for " + type);
    }

    /** The AsyncAPI 3 document: one channel per topic, its producer's send and its consumers' receive. */
    static ObjectNode asyncApi() {
        var doc = NODES.objectNode();
        doc.put("asyncapi", "3.1.0");
        var info = doc.putObject("info");
        info.put("title", "After-sales platform events");
        info.put("version", "v1");
        info.put(
                "description",
                "Every event the four services publish on Kafka. One topic per producing stream, keyed by the id"
                        + " whose order matters; many types share a topic and the type travels in the ce_type header"
                        + " (CloudEvents Kafka binding, binary mode). Changes are additive: a breaking change is a new"
                        + " type and version. Consumers ignore unknown fields and types. Generated from"
                        + " platform/event-contracts by EventDescriptionsTest: do not edit by hand.");
        doc.put("defaultContentType", "application/json");
        var servers = doc.putObject("servers");
        servers.putObject("local")
                .put("host", "localhost:9092")
                .put("protocol", "kafka")
                .put("description", "the broker of the local stack (./run-local.sh)");
        var channels = doc.putObject("channels");
        var operations = doc.putObject("operations");
        var components = doc.putObject("components");
        var messages = components.putObject("messages");
        var byTopic = new TreeMap<String, java.util.List<EventCatalog>>();
        for (var event : EventCatalog.values()) {
            byTopic.computeIfAbsent(event.topic(), t -> new java.util.ArrayList<>())
                    .add(event);
        }
        byTopic.forEach((topic, events) -> {
            var producer = events.get(0).service();
            var channel = channels.putObject(topic);
            channel.put("address", topic);
            channel.put(
                    "description",
                    "Produced by " + producer + "-service only (ce_source /aftersales/" + producer + ").");
            var channelMessages = channel.putObject("messages");
            for (var event : events) {
                var name = event.payloadType().getSimpleName();
                channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
                var message = messages.putObject(name);
                message.put("name", event.type());
                message.put("title", name);
                message.put("contentType", "application/json");
                message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
                message.putObject("payload").put("$ref", "schemas/" + fileOf(event));
            }
            var send = operations.putObject(producer + ".publishes." + topic);
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + escape(topic));
            send.put("summary", producer + "-service publishes " + topic);
            var sent = send.putArray("messages");
            events.forEach(e -> sent.addObject()
                    .put(
                            "$ref",
                            "#/channels/" + escape(topic) + "/messages/"
                                    + e.payloadType().getSimpleName()));
            var consumers = new TreeMap<String, java.util.List<EventCatalog>>();
            for (var row : EventConsumers.rows()) {
                if (row.event().topic().equals(topic) && row.use() == EventConsumers.Use.HANDLED) {
                    consumers
                            .computeIfAbsent(row.service(), s -> new java.util.ArrayList<>())
                            .add(row.event());
                }
            }
            consumers.forEach((consumer, handled) -> {
                var receive = operations.putObject(consumer + ".consumes." + topic);
                receive.put("action", "receive");
                receive.putObject("channel").put("$ref", "#/channels/" + escape(topic));
                receive.put("summary", consumer + "-service handles these types of " + topic);
                var received = receive.putArray("messages");
                handled.stream()
                        .sorted(java.util.Comparator.comparing(Enum::ordinal))
                        .forEach(e -> received.addObject()
                                .put(
                                        "$ref",
                                        "#/channels/" + escape(topic) + "/messages/"
                                                + e.payloadType().getSimpleName()));
            });
        });
        components.putObject("schemas").set("CloudEventHeaders", headers());
        return doc;
    }

    /** JSON Pointer escaping is for ~ and /; topic names have neither, but dots are fine as they are. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static ObjectNode headers() {
        var schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put(
                "description", "CloudEvents Kafka binding (binary mode) and W3C trace context, as UTF-8 text headers.");
        schema.putArray("required")
                .add(CloudEventHeaders.SPEC_VERSION)
                .add(CloudEventHeaders.ID)
                .add(CloudEventHeaders.SOURCE)
                .add(CloudEventHeaders.TYPE)
                .add(CloudEventHeaders.TIME);
        var properties = schema.putObject("properties");
        var fields = new LinkedHashMap<String, String>();
        fields.put(CloudEventHeaders.SPEC_VERSION, "always 1.0");
        fields.put(CloudEventHeaders.ID, "unique per event; the consumers' dedupe key");
        fields.put(CloudEventHeaders.SOURCE, "/aftersales/<producing service>");
        fields.put(CloudEventHeaders.TYPE, "the message's name, e.g. aftersales.intake.ComplaintRegistered.v1");
        fields.put(CloudEventHeaders.TIME, "when it happened, RFC 3339");
        fields.put(CloudEventHeaders.SUBJECT, "the aggregate's id");
        fields.put(CloudEventHeaders.TRACEPARENT, "W3C trace context of the request that caused it");
        fields.forEach((name, description) ->
                properties.putObject(name).put("type", "string").put("description", description));
        return schema;
    }
}
