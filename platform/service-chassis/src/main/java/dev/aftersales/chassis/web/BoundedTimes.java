package dev.aftersales.chassis.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Keeps dates and times in request bodies within the years a business record can be about ({@value
 * #FIRST_YEAR} to {@value #LAST_YEAR}). ISO-8601 allows years up to ±999,999,999; such a time passes
 * parsing and then overflows the first duration added to it deep in a use case, where it would be a
 * 500 instead of a 400 naming the field.
 */
final class BoundedTimes extends ValueDeserializerModifier {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;

    @Override
    public ValueDeserializer<?> modifyDeserializer(
            DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
        var type = description.getBeanClass();
        if (type == Instant.class
                || type == LocalDate.class
                || type == LocalDateTime.class
                || type == OffsetDateTime.class
                || type == ZonedDateTime.class) {
            return new Bounded(deserializer);
        }
        return deserializer;
    }

    private static final class Bounded extends DelegatingDeserializer {

        Bounded(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Bounded(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            var value = super.deserialize(parser, context);
            if (value instanceof TemporalAccessor time && !withinYears(time)) {
                var problems = (RequestBodyProblems) context.getAttribute(RequestBodyProblems.class);
                var message = "must be a time in the years " + FIRST_YEAR + " to " + LAST_YEAR;
                if (problems == null) {
                    return context.handleWeirdStringValue(handledType(), parser.getString(), message);
                }
                problems.add(RequestBodyProblems.pathOf(parser), message);
                return null;
            }
            return value;
        }

        private static boolean withinYears(TemporalAccessor time) {
            var year = time instanceof Instant instant
                    ? instant.atOffset(java.time.ZoneOffset.UTC).getYear()
                    : time.get(ChronoField.YEAR);
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        }
    }
}
