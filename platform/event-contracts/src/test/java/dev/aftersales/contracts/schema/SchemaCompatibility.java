package dev.aftersales.contracts.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Whether a payload schema still accepts every event its checked-in contract accepted and still
 * promises what it promised: no field dropped or renamed, no type, enum or bound narrowed, no field
 * that was always present made optional, no new field required (older events on the topic lack it).
 * New optional fields, wider types and looser bounds are additive and pass.
 */
final class SchemaCompatibility {

    private final JsonNode contractRoot;
    private final JsonNode currentRoot;
    private final List<String> breaks = new ArrayList<>();
    private final Set<String> comparing = new HashSet<>();

    private SchemaCompatibility(JsonNode contractRoot, JsonNode currentRoot) {
        this.contractRoot = contractRoot;
        this.currentRoot = currentRoot;
    }

    /** What {@code current} breaks of {@code contract}, one line each; empty when it is compatible. */
    static List<String> breaks(JsonNode contract, JsonNode current) {
        var check = new SchemaCompatibility(contract, current);
        check.compare("", contract, current);
        return List.copyOf(check.breaks);
    }

    private record Shape(JsonNode schema, Set<String> types, String ref) {}

    private void compare(String path, JsonNode contract, JsonNode current) {
        var was = shape(contract, contractRoot);
        var is = shape(current, currentRoot);
        var pair = was.ref() + "→" + is.ref();
        if (was.ref() != null && !comparing.add(pair)) {
            return; // a record that contains itself: already being compared further up
        }
        try {
            compareResolved(path, was, is);
        } finally {
            if (was.ref() != null) {
                comparing.remove(pair);
            }
        }
    }

    private void compareResolved(String path, Shape was, Shape is) {
        var where = path.isEmpty() ? "the payload" : path;
        if (!is.types().containsAll(was.types())) {
            breaks.add(where + ": type narrowed from " + was.types() + " to " + is.types());
            return;
        }
        var format = was.schema().path("format").asString("");
        if (!format.isEmpty() && !format.equals(is.schema().path("format").asString(""))) {
            breaks.add(where + ": format changed from " + format + " to "
                    + is.schema().path("format").asString("none"));
        }
        if (was.schema().has("enum") && is.schema().has("enum")) {
            var before = values(was.schema().get("enum"));
            var after = values(is.schema().get("enum"));
            if (!after.containsAll(before)) {
                before.removeAll(after);
                breaks.add(where + ": enum values dropped " + before);
            }
        } else if (!was.schema().has("enum") && is.schema().has("enum")) {
            breaks.add(where + ": now limited to an enum");
        }
        for (var upper : List.of("maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum")) {
            var before = was.schema().get(upper);
            var after = is.schema().get(upper);
            if (after != null && (before == null || after.decimalValue().compareTo(before.decimalValue()) < 0)) {
                breaks.add(
                        where + ": " + upper + " narrowed from " + (before == null ? "none" : before) + " to " + after);
            }
        }
        for (var lower : List.of("minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum")) {
            var before = was.schema().get(lower);
            var after = is.schema().get(lower);
            if (after != null && (before == null || after.decimalValue().compareTo(before.decimalValue()) > 0)) {
                breaks.add(
                        where + ": " + lower + " narrowed from " + (before == null ? "none" : before) + " to " + after);
            }
        }
        var prefix = path.isEmpty() ? "" : path + ".";
        var wasRequired = values(was.schema().path("required"));
        var isRequired = values(is.schema().path("required"));
        for (var property : was.schema().path("properties").properties()) {
            var name = property.getKey();
            var now = is.schema().path("properties").get(name);
            if (now == null) {
                breaks.add(prefix + name + ": dropped or renamed");
                continue;
            }
            if (wasRequired.contains(name) && !isRequired.contains(name)) {
                breaks.add(prefix + name + ": was always present, now optional");
            }
            if (!wasRequired.contains(name) && isRequired.contains(name)) {
                breaks.add(prefix + name + ": was optional, now required (older events lack it)");
            }
            compare(prefix + name, property.getValue(), now);
        }
        for (var name : isRequired) {
            if (!was.schema().path("properties").has(name) && was.types().contains("object")) {
                breaks.add(prefix + name + ": a new field must be optional (older events lack it)");
            }
        }
        if (was.schema().has("items") && is.schema().has("items")) {
            compare(path + "[]", was.schema().get("items"), is.schema().get("items"));
        }
        if (was.schema().path("additionalProperties").isObject()
                && is.schema().path("additionalProperties").isObject()) {
            compare(
                    path + "{}",
                    was.schema().get("additionalProperties"),
                    is.schema().get("additionalProperties"));
        }
    }

    /** The schema a {@code $ref} or an {@code anyOf [X, null]} stands for, with every type it admits. */
    private static Shape shape(JsonNode schema, JsonNode root) {
        var types = new TreeSet<String>();
        String ref = null;
        var resolved = schema;
        if (schema.has("anyOf")) {
            JsonNode other = null;
            for (var branch : schema.get("anyOf")) {
                if (branch.path("type").asString("").equals("null")) {
                    types.add("null");
                } else {
                    other = branch;
                }
            }
            resolved = other == null ? schema : other;
        }
        if (resolved.has("$ref")) {
            ref = resolved.get("$ref").asString();
            resolved = root.at(ref.substring(1));
        }
        var type = resolved.path("type");
        if (type.isArray()) {
            type.valueStream().forEach(t -> types.add(t.asString()));
        } else if (type.isString()) {
            types.add(type.asString());
        } else if (resolved.has("properties")) {
            types.add("object");
        }
        // an integer is also a number: number → integer narrows, integer → number widens
        if (types.contains("number")) {
            types.add("integer");
        }
        return new Shape(resolved, types, ref);
    }

    private static Set<String> values(JsonNode array) {
        var values = new TreeSet<String>();
        array.valueStream().forEach(v -> values.add(v.isNull() ? "null" : v.asString()));
        return values;
    }
}
