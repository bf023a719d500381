package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.contracts.EventCatalog;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

    @Test
    void rejects_an_event_missing_a_required_field_and_names_the_field() {
        var event = technicianAssigned();
        event.remove("complaintId");

        assertThat(CONTRACT.violations(TECHNICIAN_ASSIGNED, json(event)))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("required")
                .contains("complaintId");
    }

    @Test
    void rejects_a_field_of_the_wrong_type() {
        var event = technicianAssigned();
        event.put("assignmentId", 7);

        assertThat(CONTRACT.violations(TECHNICIAN_ASSIGNED, json(event)))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("$.assignmentId")
                .contains("type");
    }

    @Test
    void rejects_an_enum_value_outside_the_contract_and_does_not_repeat_the_value() {
        var event = technicianAssigned();
        event.put("rule", "NEIGHBOUR_WHO_HAPPENED_TO_PASS");

        assertThat(CONTRACT.violations(TECHNICIAN_ASSIGNED, json(event)))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("$.rule")
                .contains("enum")
                .doesNotContain("NEIGHBOUR_WHO_HAPPENED_TO_PASS");
    }

    @Test
    void rejects_an_over_long_string_without_repeating_its_personal_data() {
        var event = technicianAssigned();
        event.put("note", "客户电话 13800138000 ".repeat(300));

        assertThat(CONTRACT.violations(TECHNICIAN_ASSIGNED, json(event)))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("$.note")
                .contains("maxLength")
                .doesNotContain("13800138000");
    }

    @Test
    void rejects_a_time_that_is_not_a_date_time() {
        var event = technicianAssigned();
        event.put("assignedAt", "yesterday afternoon");

        assertThat(CONTRACT.violations(TECHNICIAN_ASSIGNED, json(event)))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("$.assignedAt")
                .contains("format")
                .doesNotContain("yesterday");
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
