package dev.aftersales.dispatch;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.Decision;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The dispatch service whole, on the embedded broker and store: the archive goes in over HTTP,
 * cases arrive as events, technicians work through their app's API, and what dispatch decides
 * leaves on {@code dispatch.assignments.v1}.
 */
@ServiceSliceTest
class DispatchServiceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * Three dealers: in D-SH the installer of WP-0001 is active; in D-GZ the installer of WP-0020
     * has left and only one colleague is trained for water purifiers; in D-BJ T-030 installed
     * WP-0030 and T-099 installed nothing and is never assigned anything.
     */
    static final String ARCHIVE = """
            {"dealers": [
               {"dealerId": "D-SH", "name": "上海浦东经销商", "regionCode": "310115"},
               {"dealerId": "D-GZ", "name": "广州天河经销商", "regionCode": "440106"},
               {"dealerId": "D-BJ", "name": "北京朝阳经销商", "regionCode": "110105"}],
             "technicians": [
               {"technicianId": "T-001", "name": "李师傅", "dealerId": "D-SH", "active": true, "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "T-020", "name": "张师傅", "dealerId": "D-GZ", "active": false, "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "T-021", "name": "陈师傅", "dealerId": "D-GZ", "active": true, "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "T-022", "name": "刘师傅", "dealerId": "D-GZ", "active": true, "productLines": ["AIR_CONDITIONER"]},
               {"technicianId": "T-030", "name": "赵师傅", "dealerId": "D-BJ", "active": true, "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "T-099", "name": "孙师傅", "dealerId": "D-BJ", "active": true, "productLines": ["AIR_CONDITIONER"]}],
             "installations": [
               {"serialNumber": "WP-0001", "model": "RO-400", "productLine": "WATER_PURIFIER", "customerId": "CU-001",
                "dealerId": "D-SH", "installerId": "T-001", "installedOn": "2024-05-03",
                "site": {"address": "上海市浦东新区张江路88号", "regionCode": "310115"}},
               {"serialNumber": "WP-0020", "model": "RO-400", "productLine": "WATER_PURIFIER", "customerId": "CU-020",
                "dealerId": "D-GZ", "installerId": "T-020", "installedOn": "2023-09-12",
                "site": {"address": "广州市天河区体育西路1号", "regionCode": "440106"}},
               {"serialNumber": "WP-0030", "model": "RO-600", "productLine": "WATER_PURIFIER", "customerId": "CU-030",
                "dealerId": "D-BJ", "installerId": "T-030", "installedOn": "2025-01-20",
                "site": {"address": "北京市朝阳区建国路1号", "regionCode": "110105"}}]}
            """;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Installations installations;

    @Autowired
    Technicians technicians;

    @Autowired
    Assignments assignments;

    @Autowired
    MeterRegistry meters;

    DispatchApi api;
    TestEvents events;

    static final String OPS = TestTokens.ops();
    static final String DISPATCHER = TestTokens.token("disp-1", Map.of(), Role.DISPATCHER);
    static final String T001 = TestTokens.technician("T-001", "D-SH");
    static final String T099 = TestTokens.technician("T-099", "D-BJ");

    @BeforeEach
    void importArchive() throws Exception {
        api = new DispatchApi(port);
        events = new TestEvents(brokers);
        // Every test imports the same archive again: an import is an idempotent upsert.
        var response = api.post("/api/archive/import", OPS, ARCHIVE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"dealers\":3,\"technicians\":6,\"installations\":3,\"servicePoints\":0}");
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void a_registered_case_goes_to_the_original_installer() throws Exception {
        var complaintId = newComplaintId();
        var before = made("ORIGINAL_INSTALLER");
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(registered(complaintId, "WP-0001"), complaintId);

            var seen = tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT);
            assertThat(seen.headers()).containsEntry("ce_source", "/aftersales/dispatch");
            var assigned = seen.as(TechnicianAssigned.class);
            assertThat(assigned.assignmentId()).isEqualTo("ASG-" + complaintId);
            assertThat(assigned.technicianId()).isEqualTo("T-001");
            assertThat(assigned.dealerId()).isEqualTo("D-SH");
            assertThat(assigned.rule()).isEqualTo(AssignmentRule.ORIGINAL_INSTALLER);
            assertThat(assigned.reason()).isEqualTo("original installer of WP-0001 (installed 2024-05-03)");
        }
        var view = api.get("/api/assignments/ASG-" + complaintId, DISPATCHER);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(view.body(), "$.status")).isEqualTo("ASSIGNED");
        assertThat((String) JsonPath.read(view.body(), "$.rule")).isEqualTo("ORIGINAL_INSTALLER");
        assertThat(made("ORIGINAL_INSTALLER")).isEqualTo(before + 1);
    }

    @Test
    void an_inactive_installer_hands_the_case_to_a_trained_colleague_of_the_same_dealer() {
        var complaintId = newComplaintId();
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(registered(complaintId, "WP-0020"), complaintId);

            var assigned = tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT)
                    .as(TechnicianAssigned.class);
            assertThat(assigned.technicianId()).isEqualTo("T-021");
            assertThat(assigned.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
            assertThat(assigned.reason()).contains("T-020").contains("inactive");
        }
    }

    @Test
    void a_registration_delivered_twice_makes_one_assignment_and_one_event() {
        var complaintId = newComplaintId();
        var eventId = UUID.randomUUID().toString();
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(registered(complaintId, "WP-0030"), complaintId, eventId);
            events.publish(registered(complaintId, "WP-0030"), complaintId, eventId);
            // Intake republishing the case under a new ce_id must not assign it a second time either.
            events.publish(registered(complaintId, "WP-0030"), complaintId);

            tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT);
            assertThat(tap.drain(Duration.ofSeconds(3)))
                    .filteredOn(s -> complaintId.equals(s.key()))
                    .hasSize(1);
        }
        assertThat(technicians.byId("T-030").orElseThrow().openAssignments()).isEqualTo(1);
    }

    @Test
    void a_technician_sees_their_own_assignments_and_nobody_elses() throws Exception {
        var complaintId = newComplaintId();
        var assignmentId = assignToT001(complaintId);

        var list = api.get("/api/technician/assignments", T001);
        assertThat(list.statusCode()).isEqualTo(200);
        List<String> ids = JsonPath.read(list.body(), "$.items[*].assignmentId");
        assertThat(ids).contains(assignmentId);

        var own = api.get("/api/technician/assignments/" + assignmentId, T001);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(own.body(), "$.complaintId")).isEqualTo(complaintId);
        assertThat((String) JsonPath.read(own.body(), "$.serialNumber")).isEqualTo("WP-0001");
        assertThat((String) JsonPath.read(own.body(), "$.kind")).isEqualTo("REPAIR");
        assertThat((String) JsonPath.read(own.body(), "$.contact.phone")).isEqualTo("13812345678");
        assertThat((String) JsonPath.read(own.body(), "$.contact.name")).isEqualTo("王芳");
        assertThat((String) JsonPath.read(own.body(), "$.site.regionCode")).isEqualTo("310115");
        assertThat((String) JsonPath.read(own.body(), "$.assignedAt")).isNotBlank();

        var othersList = api.get("/api/technician/assignments", T099);
        assertThat(othersList.statusCode()).isEqualTo(200);
        assertThat(othersList.body()).isEqualTo("{\"items\":[],\"next\":null}");
        assertThat(api.get("/api/technician/assignments/" + assignmentId, T099).statusCode())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/technician/assignments/" + assignmentId + "/parts-requests",
                                T099,
                                "{\"partNumber\": \"FLT-RO-01\", \"quantity\": 1}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.post("/api/technician/assignments/" + assignmentId + "/completion", T099, "{\"fixed\": true}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void callers_without_the_right_role_get_403_and_callers_without_a_token_401() throws Exception {
        assertThat(api.get("/api/technician/assignments", TestTokens.agent("agent-1"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/technician/assignments", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/assignments?status=ESCALATED", T001).statusCode())
                .isEqualTo(403);
        assertThat(api.post("/api/archive/import", T001, ARCHIVE).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/archive/import", null, ARCHIVE).statusCode()).isEqualTo(401);
    }

    @Test
    void an_unknown_machine_is_escalated_onto_the_dispatchers_list() throws Exception {
        var complaintId = newComplaintId();
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(registered(complaintId, "WP-UNKNOWN"), complaintId);

            var escalated = tap.await(s -> s.is(AssignmentEscalated.class) && complaintId.equals(s.key()), WAIT)
                    .as(AssignmentEscalated.class);
            assertThat(escalated.reason()).isEqualTo("no installation record for WP-UNKNOWN");
        }
        var waiting = api.get("/api/assignments?status=ESCALATED", DISPATCHER);
        assertThat(waiting.statusCode()).isEqualTo(200);
        List<String> ids = JsonPath.read(waiting.body(), "$.items[*].assignmentId");
        assertThat(ids).contains("ASG-" + complaintId);
        var supervisor = TestTokens.token("sup-1", Map.of(), Role.SUPERVISOR);
        assertThat(api.get("/api/assignments/ASG-" + complaintId, supervisor).statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/assignments/ASG-nothing", supervisor).statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_parts_request_retried_with_its_idempotency_key_is_requested_once() throws Exception {
        var complaintId = newComplaintId();
        var assignmentId = assignToT001(complaintId);
        var path = "/api/technician/assignments/" + assignmentId + "/parts-requests";
        var key = UUID.randomUUID().toString();
        var body = "{\"partNumber\": \"FLT-RO-01\", \"quantity\": 2}";
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            var first = api.postWithKey(path, T001, body, key);
            var retry = api.postWithKey(path, T001, body, key);

            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(retry.statusCode()).isEqualTo(202);
            assertThat(retry.body()).isEqualTo(first.body());
            String requestId = JsonPath.read(first.body(), "$.requestId");
            tap.await(s -> s.is(PartsRequested.class) && complaintId.equals(s.key()), WAIT);
            assertThat(tap.drain(Duration.ofSeconds(1)))
                    .filteredOn(s -> s.is(PartsRequested.class) && complaintId.equals(s.key()))
                    .singleElement()
                    .satisfies(s ->
                            assertThat(s.as(PartsRequested.class).requestId()).isEqualTo(requestId));
        }
        List<Object> parts = JsonPath.read(
                api.get("/api/technician/assignments/" + assignmentId, T001).body(), "$.parts");
        assertThat(parts).hasSize(1);
    }

    @Test
    void a_parts_request_or_used_part_line_above_the_quantity_bound_is_refused_naming_the_field() throws Exception {
        var complaintId = newComplaintId();
        var assignmentId = assignToT001(complaintId);
        var path = "/api/technician/assignments/" + assignmentId;

        var request = api.post(path + "/parts-requests", T001, "{\"partNumber\": \"FLT-RO-01\", \"quantity\": 21}");
        var completion = api.post(
                path + "/completion",
                T001,
                "{\"fixed\": true, \"partsUsed\": [{\"partNumber\": \"FLT-RO-01\", \"quantity\": 1},"
                        + " {\"partNumber\": \"PUMP-24V\", \"quantity\": 0}]}");

        assertThat(request.statusCode()).isEqualTo(400);
        assertThat(request.body()).contains("\"field\":\"quantity\"").contains("between 1 and 20");
        assertThat(completion.statusCode()).isEqualTo(400);
        assertThat(completion.body()).contains("\"field\":\"partsUsed[1].quantity\"");
        List<Object> parts = JsonPath.read(api.get(path, T001).body(), "$.parts");
        assertThat(parts).isEmpty();
        assertThat((String) JsonPath.read(api.get(path, T001).body(), "$.status"))
                .isNotEqualTo("COMPLETED");
    }

    @Test
    void parts_requested_then_reserved_or_backordered_then_the_visit_completed_once() throws Exception {
        var complaintId = newComplaintId();
        var assignmentId = assignToT001(complaintId);
        var path = "/api/technician/assignments/" + assignmentId;
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            var accepted = api.post(path + "/parts-requests", T001, "{\"partNumber\": \"FLT-RO-01\", \"quantity\": 2}");
            assertThat(accepted.statusCode()).isEqualTo(202);
            String requestId = JsonPath.read(accepted.body(), "$.requestId");
            assertThat(UUID.fromString(requestId)).isNotNull();

            var requested = tap.await(s -> s.is(PartsRequested.class) && complaintId.equals(s.key()), WAIT)
                    .as(PartsRequested.class);
            assertThat(requested)
                    .isEqualTo(new PartsRequested(
                            requestId,
                            complaintId,
                            assignmentId,
                            "T-001",
                            "D-SH",
                            "FLT-RO-01",
                            2,
                            requested.requestedAt()));
            assertThat((String) JsonPath.read(api.get(path, T001).body(), "$.parts[0].status"))
                    .isEqualTo("REQUESTED");

            var now = Instant.now();
            var reserved = new PartsReserved(
                    requestId,
                    complaintId,
                    assignmentId,
                    "FLT-RO-01",
                    2,
                    "D-SH",
                    ReservationSource.OWN_DEALER,
                    now,
                    now);
            var reservedId = events.publish(reserved, complaintId);
            events.publish(reserved, complaintId, reservedId);
            await().atMost(WAIT)
                    .until(() ->
                            "RESERVED".equals(JsonPath.read(api.get(path, T001).body(), "$.parts[0].status")));
            var view = api.get(path, T001).body();
            assertThat((String) JsonPath.read(view, "$.parts[0].locationId")).isEqualTo("D-SH");
            assertThat((String) JsonPath.read(view, "$.parts[0].requestId")).isEqualTo(requestId);
            List<Object> parts = JsonPath.read(view, "$.parts");
            assertThat(parts).hasSize(1);

            var second = api.post(path + "/parts-requests", T001, "{\"partNumber\": \"PUMP-24V\", \"quantity\": 1}");
            String secondId = JsonPath.read(second.body(), "$.requestId");
            tap.await(s -> s.is(PartsRequested.class) && s.payload().contains(secondId), WAIT);
            events.publish(
                    new PartsBackordered(secondId, complaintId, assignmentId, "PUMP-24V", 1, null, Instant.now()),
                    complaintId);
            await().atMost(WAIT)
                    .until(() -> "BACKORDERED"
                            .equals(JsonPath.read(api.get(path, T001).body(), "$.parts[1].status")));

            var completedBefore = meters.get("aftersales.visits.completed")
                    .tag("outcome", "FIXED")
                    .counter()
                    .count();
            var completion = """
                    {"diagnosis": "RO膜堵塞", "rootCause": "水质差", "partsUsed": [{"partNumber": "FLT-RO-01", "quantity": 2}],
                     "feeCharged": 0, "fixed": true}
                    """;
            var completed = api.post(path + "/completion", T001, completion);
            assertThat(completed.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(completed.body(), "$.status")).isEqualTo("COMPLETED");

            var visit = tap.await(s -> s.is(VisitCompleted.class) && complaintId.equals(s.key()), WAIT)
                    .as(VisitCompleted.class);
            assertThat(visit.assignmentId()).isEqualTo(assignmentId);
            assertThat(visit.serialNumber()).isEqualTo("WP-0001");
            assertThat(visit.technicianId()).isEqualTo("T-001");
            assertThat(visit.fixed()).isTrue();
            assertThat(visit.partsUsed())
                    .singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualTo(2));

            assertThat(api.post(path + "/completion", T001, completion).statusCode())
                    .isEqualTo(409);
            assertThat(api.post(path + "/parts-requests", T001, "{\"partNumber\": \"FLT-RO-01\", \"quantity\": 1}")
                            .statusCode())
                    .isEqualTo(409);
            assertThat(tap.drain(Duration.ofSeconds(2)))
                    .filteredOn(s -> s.is(VisitCompleted.class) && complaintId.equals(s.key()))
                    .hasSize(1);
            assertThat(meters.get("aftersales.visits.completed")
                            .tag("outcome", "FIXED")
                            .counter()
                            .count())
                    .isEqualTo(completedBefore + 1);
        }
    }

    @Test
    void an_invalid_parts_request_or_completion_names_the_fields() throws Exception {
        var assignmentId = assignToT001(newComplaintId());
        var path = "/api/technician/assignments/" + assignmentId;

        var parts = api.post(path + "/parts-requests", T001, "{\"partNumber\": \"\", \"quantity\": 0}");
        assertThat(parts.statusCode()).isEqualTo(400);
        assertThat(parts.body()).contains("\"field\":\"partNumber\"").contains("\"field\":\"quantity\"");

        var completion = api.post(path + "/completion", T001, "{\"feeCharged\": -5}");
        assertThat(completion.statusCode()).isEqualTo(400);
        assertThat(completion.body()).contains("\"field\":\"feeCharged\"").contains("\"field\":\"fixed\"");
    }

    @Test
    void an_archive_batch_with_a_row_missing_its_id_is_refused_whole_naming_the_row() throws Exception {
        var batch = """
                {"dealers": [null],
                 "technicians": [{"technicianId": "T-NEW", "name": "周师傅", "active": true}],
                 "installations": [
                   {"serialNumber": "WP-NEW-1", "dealerId": "D-SH", "installerId": "T-001"},
                   {"dealerId": "D-SH", "installerId": "T-001"}]}
                """;

        var response = api.post("/api/archive/import", DISPATCHER, batch);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"field\":\"installations[1].serialNumber\"")
                .contains("\"field\":\"technicians[0].dealerId\"")
                .contains("\"field\":\"dealers[0]\"");
        assertThat(installations.bySerialNumber("WP-NEW-1")).isEmpty();
        assertThat(technicians.byId("T-NEW")).isEmpty();
    }

    @Test
    void reimporting_the_archive_keeps_the_technicians_load() throws Exception {
        assignToT001(newComplaintId());
        var load = technicians.byId("T-001").orElseThrow().openAssignments();
        assertThat(load).isPositive();

        assertThat(api.post("/api/archive/import", OPS, ARCHIVE).statusCode()).isEqualTo(200);

        assertThat(technicians.byId("T-001").orElseThrow().openAssignments()).isEqualTo(load);
    }

    @Test
    void the_store_refuses_a_second_assignment_for_the_same_complaint() {
        var complaintId = newComplaintId();
        var decision = new Decision(null, null, null, "no installation record for WP-X");
        var first = Assignment.open(registered(complaintId, "WP-X"), decision, Instant.now());
        var second = Assignment.open(registered(complaintId, "WP-X"), decision, Instant.now());

        assertThat(assignments.add(first)).isTrue();
        assertThat(assignments.add(second)).isFalse();
        assertThat(assignments.byId("ASG-" + complaintId).orElseThrow().decidedAt())
                .isEqualTo(first.decidedAt().truncatedTo(ChronoUnit.MILLIS));
    }

    private String assignToT001(String complaintId) {
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(registered(complaintId, "WP-0001"), complaintId);
            return tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT)
                    .as(TechnicianAssigned.class)
                    .assignmentId();
        }
    }

    private double made(String rule) {
        return meters.get("aftersales.assignments.made")
                .tag("rule", rule)
                .counter()
                .count();
    }

    private static String newComplaintId() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
