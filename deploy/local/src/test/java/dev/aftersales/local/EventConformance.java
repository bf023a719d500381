package dev.aftersales.local;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checked-in contract of every event ({@code docs/asyncapi/schemas/<ce_type>.json}, the JSON
 * Schemas the AsyncAPI document names) as a validator of payloads read off the topics. What it says
 * of a violation names the field and the rule broken, never the value: payloads carry phone numbers
 * and addresses, and these lines end up in build logs.
 */
final class EventConformance {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Schema> schemasByType;

    private EventConformance(Map<String, Schema> schemasByType) {
        this.schemasByType = schemasByType;
    }

    /** The schemas checked in under {@code docs/asyncapi/schemas} of the build tree. */
    static EventConformance checkedIn() {
        return of(BuildTree.repoRoot().resolve("docs/asyncapi/schemas"));
    }

    static EventConformance of(Path schemasDir) {
        var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        var schemas = new TreeMap<String, Schema>();
        try (var files = Files.list(schemasDir)) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .toList()) {
                var name = file.getFileName().toString();
                schemas.put(
                        name.substring(0, name.length() - ".json".length()),
                        registry.getSchema(JSON.readTree(Files.readString(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (schemas.isEmpty()) {
            throw new IllegalStateException("no event schemas under " + schemasDir);
        }
        return new EventConformance(schemas);
    }

    /** The event types with a checked-in schema. */
    java.util.SortedSet<String> types() {
        return new java.util.TreeSet<>(schemasByType.keySet());
    }

    /**
     * What is wrong with one payload of type {@code ceType} against its schema: empty when it
     * conforms. An unknown type, or a payload that is not JSON, is a violation too: every record on an
     * event topic is an event of the catalog.
     */
    List<String> violations(String ceType, String payload) {
        var schema = ceType == null ? null : schemasByType.get(ceType);
        if (schema == null) {
            return List.of("no checked-in schema for this ce_type");
        }
        try {
            return schema.validate(JSON.readTree(payload)).stream()
                    .map(EventConformance::describe)
                    .sorted()
                    .toList();
        } catch (JacksonException e) {
            return List.of("not a JSON document");
        }
    }

    /** Where and which rule, with the rule's own argument from the schema (a limit, the allowed values). */
    private static String describe(Error error) {
        // a JSON pointer ("/parts/0/partNumber") written as a path ("$.parts.0.partNumber")
        var where = "$" + error.getInstanceLocation().toString().replace('/', '.');
        var keyword = error.getKeyword();
        if ("required".equals(keyword)) {
            return where + ": required property '" + error.getProperty() + "' missing";
        }
        var rule = error.getSchemaNode();
        return where + ": breaks '" + keyword + "'"
                + (rule == null || rule.isContainer() && rule.size() > 20 ? "" : " " + rule);
    }
}
