package dev.aftersales.chassis.events;

import dev.aftersales.chassis.logging.PersonalData;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A dead letter's payload as operations may read it in a listing: enough to see why it failed
 * (ids, types, times, amounts, the shape), without the customer's personal data. Fields named like
 * personal data (any name containing name, phone, address or contact, e.g. {@code customerName},
 * {@code siteAddress}) and free-text fields (symptoms, requests, diagnoses, reasons, notes: people
 * write names and places into them) are blanked, phone numbers in any other text masked; a payload
 * that is not JSON is masked as text. The record on the topic is untouched, so a replay sends the
 * original, and the whole of it is one audited call away.
 */
final class DeadLetterPayloads {

    static final String REDACTED = "***";

    /** Parts of field names (lower case) whose values are personal data wherever they appear. */
    private static final List<String> PERSONAL = List.of("name", "phone", "address", "contact");

    /** Free-text fields (lower case): whatever a person typed may name people and places. */
    private static final Set<String> FREE_TEXT = Set.of(
            "symptoms",
            "customerrequest",
            "diagnosis",
            "guidance",
            "reason",
            "rootcause",
            "note",
            "notes",
            "comment",
            "comments",
            "remark",
            "remarks",
            "description");

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
                        hidden(name) && (value.isString() || value.isContainer()) ? blank(value) : redacted(value));
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

    private static boolean hidden(String field) {
        var name = field.toLowerCase(Locale.ROOT);
        return FREE_TEXT.contains(name) || PERSONAL.stream().anyMatch(name::contains);
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
