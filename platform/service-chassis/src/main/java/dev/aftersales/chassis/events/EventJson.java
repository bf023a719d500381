package dev.aftersales.chassis.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of event payloads. Consumers ignore unknown fields (changes to payloads are
 * additive) but never accept a missing primitive or trailing garbage.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EventJson() {}

    public static String write(Object payload) {
        return MAPPER.writeValueAsString(payload);
    }

    /** @throws tools.jackson.core.JacksonException when the bytes are not a valid payload of {@code type} */
    public static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
