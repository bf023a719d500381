package dev.aftersales.chassis.web;

import dev.aftersales.chassis.application.FieldProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.util.ClassUtil;

/**
 * The type problems of one request body, collected while it is read instead of failing at the
 * first: an unknown field, a text where a number belongs, an enum value that does not exist. Each
 * is recorded under its JSON path ({@code customer.phones[1]}) and the value is read as null (or a
 * primitive's zero), so reading goes on and bean validation can still judge every other field.
 */
final class RequestBodyProblems {

    private final List<FieldProblem> problems = new ArrayList<>();

    List<FieldProblem> list() {
        return List.copyOf(problems);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /**
     * The JSON path of the value {@code parser} stands on, as bean validation names fields. On the
     * start of an object or array the parser is already inside it: the value is its parent's.
     */
    static String pathOf(JsonParser parser) {
        return parser == null ? "body" : pathOf(valueContext(parser));
    }

    private static TokenStreamContext valueContext(JsonParser parser) {
        var context = parser.streamReadContext();
        return parser.isExpectedStartObjectToken() || parser.isExpectedStartArrayToken()
                ? context.getParent()
                : context;
    }

    /**
     * The JSON path of the unknown field {@code name}. A record's unknown fields are buffered and
     * handed over once the record was read: then the reading parser stands at the record's end (its
     * context is already the record's holder) or, when the record was complete early, on its next
     * field (inside the record).
     */
    static String pathOfUnknown(DeserializationContext context, JsonParser parser, String name) {
        TokenStreamContext holder;
        var reading = context.getParser();
        if (parser == reading) {
            holder = valueContext(parser).getParent();
        } else if (reading.currentToken() == JsonToken.END_OBJECT) {
            holder = reading.streamReadContext();
        } else {
            holder = reading.streamReadContext().getParent();
        }
        var base = pathOf(holder);
        return base.equals("body") ? name : base + "." + name;
    }

    static String pathOf(TokenStreamContext context) {
        var segments = new ArrayDeque<String>();
        for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.currentName() != null) {
                segments.push("." + c.currentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                segments.push("[" + c.getCurrentIndex() + "]");
            }
        }
        var path = String.join("", segments);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }

    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "must be a text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date or time";
        }
        if (java.time.temporal.TemporalAmount.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 duration";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type or format";
    }

    /**
     * Records problems in the {@link RequestBodyProblems} given to the reader as an attribute; without
     * one (any other reading) it handles nothing, so Jackson fails as usual.
     */
    static final class Handler extends DeserializationProblemHandler {

        private static RequestBodyProblems of(DeserializationContext context) {
            return (RequestBodyProblems) context.getAttribute(RequestBodyProblems.class);
        }

        @Override
        public boolean handleUnknownProperty(
                DeserializationContext context,
                JsonParser parser,
                ValueDeserializer<?> deserializer,
                Object bean,
                String name) {
            var problems = of(context);
            if (problems == null || !context.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
                return false; // Jackson fails, or skips the field where unknown fields are allowed
            }
            problems.add(pathOfUnknown(context, parser, name), "unknown field");
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(
                DeserializationContext context, Class<?> target, String value, String message) {
            return recorded(context, context.getParser(), target);
        }

        @Override
        public Object handleWeirdNumberValue(
                DeserializationContext context, Class<?> target, Number value, String message) {
            return recorded(context, context.getParser(), target);
        }

        @Override
        public Object handleUnexpectedToken(
                DeserializationContext context, JavaType target, JsonToken token, JsonParser parser, String message) {
            var problems = of(context);
            if (problems == null) {
                return NOT_HANDLED;
            }
            var recorded = recorded(context, parser, target.getRawClass());
            parser.skipChildren();
            return recorded;
        }

        @Override
        public Object handleMissingInstantiator(
                DeserializationContext context,
                Class<?> target,
                ValueInstantiator instantiator,
                JsonParser parser,
                String message) {
            var problems = of(context);
            if (problems == null) {
                return NOT_HANDLED;
            }
            problems.add(pathOf(parser), expected(target));
            parser.skipChildren();
            return null;
        }

        /** A missing or null primitive; the record is built with zero and the field named. */
        @Override
        public Object handleNullForPrimitives(
                DeserializationContext context,
                Class<?> target,
                JsonParser parser,
                ValueDeserializer<?> deserializer,
                String message) {
            var problems = of(context);
            if (problems == null) {
                return NOT_HANDLED;
            }
            problems.add(pathOf(parser), "must not be null");
            return ClassUtil.defaultValue(target);
        }

        private static Object recorded(DeserializationContext context, JsonParser parser, Class<?> target) {
            var problems = of(context);
            if (problems == null) {
                return NOT_HANDLED;
            }
            problems.add(pathOf(parser), expected(target));
            return target.isPrimitive() ? ClassUtil.defaultValue(target) : null;
        }
    }
}
