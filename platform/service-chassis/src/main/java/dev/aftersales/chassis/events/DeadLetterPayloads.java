package dev.aftersales.chassis.events;

import dev.aftersales.chassis.logging.PersonalData;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A dead letter's payload as operations may read it: enough to see why it failed, without the
 * customer's personal data. Fields named like personal data (names, phones, addresses, contacts)
 * are blanked, phone numbers in any other text masked; a payload that is not JSON is masked as
 * text. The record on the topic is untouched, so a replay sends the original.
 */
final class DeadLetterPayloads {

    static final String REDACTED = "***";

    /** Field names (lower case) whose values are personal data wherever they appear. */
    private static final Set<String> PERSONAL = Set.of(
            "name", "customername", "phone", "phones", "customerphone", "address", "contactname", "contactphone");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeadLetterPayloads() {}

    static String redact(String payload) {
        if (payload == null) {
            return null;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(payload);
        } catch (JacksonException e) {
            return PersonalData.mask(payload);
        }
        return (tree.isObject() || tree.isArray())
                ? JSON.writeValueAsString(redacted(tree))
                : PersonalData.mask(payload);
    }

    private static JsonNode redacted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (var name : Set.copyOf(object.propertyNames())) {
                var value = object.get(name);
                object.set(
                        name,
                        PERSONAL.contains(name.toLowerCase(Locale.ROOT)) && !value.isNull()
                                ? blank(value)
                                : redacted(value));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redacted(array.get(i)));
            }
            return array;
        }
        return node.isString() ? StringNode.valueOf(PersonalData.mask(node.asString())) : node;
    }

    private static JsonNode blank(JsonNode value) {
        if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, StringNode.valueOf(REDACTED));
            }
            return array;
        }
        return StringNode.valueOf(REDACTED);
    }
}
