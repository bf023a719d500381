package dev.aftersales.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaCompatibilityTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String CONTRACT = """
            {"type": "object", "required": ["id", "kind"],
             "properties": {
               "id": {"type": "string", "minLength": 1, "maxLength": 64},
               "kind": {"type": "string", "enum": ["REPAIR", "INSTALLATION"]},
               "note": {"type": ["string", "null"], "maxLength": 2000},
               "quantity": {"type": ["integer", "null"], "format": "int32", "exclusiveMinimum": 0},
               "lines": {"type": ["array", "null"], "maxItems": 50, "items": {"$ref": "#/definitions/Line"}},
               "site": {"anyOf": [{"$ref": "#/definitions/Line"}, {"type": "null"}]}},
             "definitions": {"Line": {"type": "object", "required": ["part"],
               "properties": {"part": {"type": "string", "maxLength": 64}}}}}
            """;

    static JsonNode contract() {
        return JSON.readTree(CONTRACT);
    }

    static JsonNode changed(String from, String to) {
        assertThat(CONTRACT).contains(from);
        return JSON.readTree(CONTRACT.replace(from, to));
    }

    @Test
    void the_same_schema_breaks_nothing() {
        assertThat(SchemaCompatibility.breaks(contract(), contract())).isEmpty();
    }

    @Test
    void a_new_optional_field_wider_bounds_and_a_new_enum_value_are_additive() {
        var grown =
                changed("\"maxLength\": 2000}", "\"maxLength\": 4000}, \"extra\": {\"type\": [\"string\", \"null\"]}");
        grown = JSON.readTree(grown.toString().replace("\"INSTALLATION\"]", "\"INSTALLATION\",\"RELOCATION\"]"));
        assertThat(SchemaCompatibility.breaks(contract(), grown)).isEmpty();
    }

    @Test
    void a_dropped_or_renamed_field_breaks_the_contract() {
        assertThat(SchemaCompatibility.breaks(contract(), changed("\"note\":", "\"remark\":")))
                .containsExactly("note: dropped or renamed");
    }

    @Test
    void a_dropped_field_of_a_nested_record_breaks_the_contract() {
        assertThat(SchemaCompatibility.breaks(contract(), changed("\"part\": {", "\"partNo\": {")))
                .contains("lines[].part: dropped or renamed", "site.part: dropped or renamed");
    }

    @Test
    void a_narrowed_type_enum_or_bound_breaks_the_contract() {
        assertThat(SchemaCompatibility.breaks(
                        contract(),
                        changed(
                                "\"type\": [\"string\", \"null\"], \"maxLength\": 2000",
                                "\"type\": \"string\", \"maxLength\": 2000")))
                .containsExactly("note: type narrowed from [null, string] to [string]");
        assertThat(SchemaCompatibility.breaks(contract(), changed("\"INSTALLATION\"]", "\"INSTALLATION_\"]")))
                .containsExactly("kind: enum values dropped [INSTALLATION]");
        assertThat(SchemaCompatibility.breaks(contract(), changed("\"maxLength\": 2000", "\"maxLength\": 200")))
                .containsExactly("note: maxLength narrowed from 2000 to 200");
        assertThat(SchemaCompatibility.breaks(contract(), changed("\"maxItems\": 50", "\"maxItems\": 5")))
                .containsExactly("lines: maxItems narrowed from 50 to 5");
        assertThat(SchemaCompatibility.breaks(
                        contract(), changed("\"type\": [\"integer\", \"null\"]", "\"type\": [\"string\", \"null\"]")))
                .containsExactly("quantity: type narrowed from [integer, null] to [null, string]");
    }

    @Test
    void a_field_made_required_or_optional_breaks_the_contract() {
        assertThat(SchemaCompatibility.breaks(
                        contract(), changed("[\"id\", \"kind\"]", "[\"id\", \"kind\", \"note\"]")))
                .contains("note: was optional, now required (older events lack it)");
        assertThat(SchemaCompatibility.breaks(contract(), changed("[\"id\", \"kind\"]", "[\"id\"]")))
                .containsExactly("kind: was always present, now optional");
    }

    @Test
    void a_new_required_field_breaks_the_contract() {
        var grown = changed("\"required\": [\"id\", \"kind\"],", "\"required\": [\"id\", \"kind\", \"extra\"],")
                .toString()
                .replace("\"properties\":{\"id\"", "\"properties\":{\"extra\":{\"type\":\"string\"},\"id\"");
        assertThat(SchemaCompatibility.breaks(contract(), JSON.readTree(grown)))
                .containsExactly("extra: a new field must be optional (older events lack it)");
    }

    @Test
    void a_wider_number_type_is_additive_and_a_narrower_one_breaks() {
        assertThat(SchemaCompatibility.breaks(
                        contract(),
                        changed(
                                "[\"integer\", \"null\"], \"format\": \"int32\"",
                                "[\"number\", \"null\"], \"format\": \"int32\"")))
                .isEmpty();
        var numeric = changed("[\"integer\", \"null\"]", "[\"number\", \"null\"]");
        assertThat(SchemaCompatibility.breaks(numeric, contract()))
                .containsExactly("quantity: type narrowed from [integer, null, number] to [integer, null]");
    }
}
