package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.aftersales.contracts.EventCatalog;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** The validator the end-to-end run reads the topics with, on the checked-in schemas, without a stack. */
class EventConformanceTest {

    private static final String TECHNICIAN_ASSIGNED = "aftersales.dispatch.TechnicianAssigned.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventConformance CONTRACT = EventConformance.checkedIn();

    @Test
    void every_event_of_the_catalog_has_a_checked_in_schema() {
        assertThat(CONTRACT.types())
                .containsAll(Arrays.stream(EventCatalog.values())
                        .map(EventCatalog::type)
                        .toList());
    }

    @Test
    void accepts_an_event_as_dispatch_writes_it_with_nulls_and_a_field_it_does_not_know() {
        var event = technicianAssigned();
        event.put("reason", null);
        event.put("addedLater", "consumers ignore it");

        assertThat(CONTRACT.violations(TECHNICIAN_ASSIGNED, json(event))).isEmpty();
    }

    /**
     * An event as dispatch writes it, changed in one field: the one violation names the field and the
     * rule it breaks, and never repeats a value that may be personal data.
     */
    @ParameterizedTest(name = "rejects {argumentSetName}")
    @MethodSource("brokenEvents")
    void rejects_an_event_breaking_its_schema_in_one_field_with_one_violation_naming_it(
            Consumer<Map<String, Object>> breaking, String field, String rule, String notRepeated) {
        var event = technicianAssigned();
        breaking.accept(event);

        var violation = assertThat(CONTRACT.violations(TECHNICIAN_ASSIGNED, json(event)))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains(field)
                .contains(rule);
        if (notRepeated != null) {
            violation.doesNotContain(notRepeated);
        }
    }

    static Stream<Arguments> brokenEvents() {
        return Stream.of(
                argumentSet(
                        "a missing required field and names the field",
                        change(event -> event.remove("complaintId")),
                        "complaintId",
                        "required",
                        null),
                argumentSet(
                        "a field of the wrong type",
                        change(event -> event.put("assignmentId", 7)),
                        "$.assignmentId",
                        "type",
                        null),
                argumentSet(
                        "an enum value outside the contract and does not repeat the value",
                        change(event -> event.put("rule", "NEIGHBOUR_WHO_HAPPENED_TO_PASS")),
                        "$.rule",
                        "enum",
                        "NEIGHBOUR_WHO_HAPPENED_TO_PASS"),
                argumentSet(
                        "an over-long string without repeating its personal data",
                        change(event -> event.put("note", "客户电话 13800138000 ".repeat(300))),
                        "$.note",
                        "maxLength",
                        "13800138000"),
                argumentSet(
                        "a time that is not a date-time",
                        change(event -> event.put("assignedAt", "yesterday afternoon")),
                        "$.assignedAt",
                        "format",
                        "yesterday"));
    }

    /** Gives a lambda among the arguments its type. */
    private static Consumer<Map<String, Object>> change(Consumer<Map<String, Object>> change) {
        return change;
    }

    @Test
    void rejects_a_type_without_a_checked_in_schema_and_a_payload_that_is_not_json() {
        assertThat(CONTRACT.violations("aftersales.dispatch.Unheard.v1", json(technicianAssigned())))
                .containsExactly("no checked-in schema for this ce_type");
        assertThat(CONTRACT.violations(null, json(technicianAssigned())))
                .containsExactly("no checked-in schema for this ce_type");
        assertThat(CONTRACT.violations(TECHNICIAN_ASSIGNED, "{\"assignmentId\": "))
                .containsExactly("not a JSON document");
    }

    /** A TechnicianAssigned as dispatch writes it: every component present. */
    private static Map<String, Object> technicianAssigned() {
        var event = new LinkedHashMap<String, Object>();
        event.put("assignmentId", "A-1");
        event.put("complaintId", "C-1");
        event.put("technicianId", "T-001");
        event.put("dealerId", "D-SH");
        event.put("rule", "ORIGINAL_INSTALLER");
        event.put("reason", "installed the machine");
        event.put("assignedAt", "2026-11-30T08:15:00Z");
        event.put("priority", "HIGH");
        event.put("assignedBy", null);
        event.put("note", null);
        return event;
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
