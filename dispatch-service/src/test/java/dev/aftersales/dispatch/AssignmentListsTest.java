package dev.aftersales.dispatch;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.ListDoor;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The technician's own list and the dispatcher's lists: paged, stable while work comes in, scoped to the caller. */
@ServiceSliceTest
class AssignmentListsTest {

    static final String OPS = TestTokens.ops();
    static final String DISPATCHER = TestTokens.token("disp-1", Map.of(), Role.DISPATCHER);

    @Value("${local.server.port}")
    int port;

    @Autowired
    Assignments assignments;

    @Autowired
    Technicians technicians;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    String dealer;
    String first;
    String second;
    String stranger;

    /** A dealer of its own with two technicians, so no other test's work is in their lists. */
    @BeforeEach
    void archive() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        dealer = "D-P" + suffix;
        first = "T-P1" + suffix;
        second = "T-P2" + suffix;
        stranger = "T-Q" + suffix;
        var archive = """
                {"dealers": [{"dealerId": "%1$s", "name": "分页经销商", "regionCode": "310115"},
                             {"dealerId": "D-Q%4$s", "name": "另一经销商", "regionCode": "310115"}],
                 "technicians": [
                   {"technicianId": "%2$s", "name": "王师傅", "dealerId": "%1$s", "active": true, "productLines": ["WATER_PURIFIER"]},
                   {"technicianId": "%3$s", "name": "周师傅", "dealerId": "%1$s", "active": true, "productLines": ["WATER_PURIFIER"]},
                   {"technicianId": "T-Q%4$s", "name": "吴师傅", "dealerId": "D-Q%4$s", "active": true, "productLines": ["WATER_PURIFIER"]}],
                 "installations": []}
                """.formatted(dealer, first, second, suffix);
        assertThat(new DispatchApi(port)
                        .post("/api/archive/import", OPS, archive)
                        .statusCode())
                .isEqualTo(200);
    }

    /** Assignments given straight to {@code technicianId}, one clock tick apart (some at the same instant). */
    Set<String> assigned(String technicianId, int n) {
        var technician = technicians.byId(technicianId).orElseThrow();
        var ids = new HashSet<String>();
        for (int i = 0; i < n; i++) {
            var complaintId = "C-" + UUID.randomUUID().toString().substring(0, 8);
            var assignment = Assignment.open(
                    registered(complaintId, "WP-P" + i),
                    new Decision(null, technician, AssignmentRule.ORIGINAL_INSTALLER, "paging test"),
                    clock.instant());
            assertThat(assignments.add(assignment)).isTrue();
            ids.add(assignment.id());
            if (i % 2 == 0) {
                clock.set(clock.instant().plus(Duration.ofSeconds(1)));
            }
        }
        return ids;
    }

    String technician(String technicianId) {
        return TestTokens.technician(technicianId, dealer);
    }

    @Test
    void a_technician_walking_their_list_sees_each_assignment_once_while_new_ones_arrive() {
        var existing = assigned(first, 9);
        var others = assigned(second, 3);
        var inserted = new HashSet<String>();

        new ListDoor(port, "/api/technician/assignments", "assignmentId")
                .walkWhileInserting(
                        technician(first),
                        2,
                        existing,
                        page -> inserted.addAll(assigned(first, 2)),
                        id -> existing.contains(id) || inserted.contains(id));

        assertThat(others).hasSize(3);
    }

    @Test
    void a_technicians_list_is_newest_first() {
        var older = assigned(first, 1).iterator().next();
        clock.set(clock.instant().plus(Duration.ofMinutes(10)));
        var newer = assigned(first, 1).iterator().next();

        var page = new ListDoor(port, "/api/technician/assignments", "assignmentId").page(technician(first), 5, null);

        assertThat(page.ids()).containsExactly(newer, older);
    }

    @Test
    void a_cursor_replayed_by_another_technician_is_not_found() {
        assigned(first, 3);

        new ListDoor(port, "/api/technician/assignments", "assignmentId")
                .refusesACursorOfAnotherCaller(technician(first), technician(second));
    }

    @Test
    void a_page_size_above_two_hundred_is_refused_naming_limit() {
        new ListDoor(port, "/api/technician/assignments", "assignmentId")
                .refusesLimitAboveTheCap(technician(first), 200);
        new ListDoor(port, "/api/assignments?status=ASSIGNED", "assignmentId").refusesLimitAboveTheCap(DISPATCHER, 200);
    }

    @Test
    void the_dispatcher_walks_a_dealers_assignments_oldest_first_while_new_ones_arrive() {
        var existing = new HashSet<String>();
        existing.addAll(assigned(first, 4));
        existing.addAll(assigned(second, 4));
        var inserted = new HashSet<String>();

        var seen = new ListDoor(port, "/api/assignments?dealerId=" + dealer + "&status=ASSIGNED", "assignmentId")
                .walkWhileInserting(
                        DISPATCHER,
                        3,
                        existing,
                        page -> inserted.addAll(assigned(second, 1)),
                        id -> existing.contains(id) || inserted.contains(id));

        // oldest first: what came in during the walk follows what was there
        assertThat(seen).containsAll(inserted);
        var decided = new ArrayList<java.time.Instant>();
        seen.forEach(id -> decided.add(assignments.byId(id).orElseThrow().decidedAt()));
        assertThat(decided).isSorted();
    }

    @Test
    void the_dispatchers_list_needs_a_status_a_technician_or_a_dealer() throws Exception {
        var api = new DispatchApi(port);
        var none = api.get("/api/assignments", DISPATCHER);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("\"status\"");
        var both = api.get("/api/assignments?technicianId=" + first + "&dealerId=" + dealer, DISPATCHER);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("\"dealerId\"");
        assigned(first, 2);
        assertThat(new ListDoor(port, "/api/assignments?technicianId=" + first, "assignmentId")
                        .page(DISPATCHER, null, null)
                        .ids())
                .hasSize(2);
        assertThat(List.of(api.get("/api/assignments?status=NOPE", DISPATCHER).statusCode()))
                .containsExactly(400);
    }

    @Test
    void the_dispatchers_export_holds_the_dealers_rows_only_in_chinese_readable_csv_and_is_audited() {
        var own = new HashSet<String>();
        own.addAll(assigned(first, 3));
        var otherDealer = assigned(stranger, 1);

        var response = ListDoor.export(port, "/api/assignments/export.csv?dealerId=" + dealer, DISPATCHER);

        assertThat(response.statusCode()).isEqualTo(200);
        var bytes = response.body();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var lines = new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0])
                .isEqualTo(
                        "assignmentId,complaintId,status,rule,technicianId,dealerId,serialNumber,kind,decidedAt,symptoms");
        assertThat(lines).hasSize(1 + own.size());
        assertThat(List.of(lines).subList(1, lines.length))
                .allMatch(line -> own.stream().anyMatch(line::startsWith))
                .allMatch(line -> line.contains("," + dealer + ",") && line.endsWith(",漏水"));
        assertThat(String.join("\n", lines))
                .doesNotContain(otherDealer.iterator().next());
        var audited = mongo.find(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("action")
                                .is("list.export")
                                .and("details.dealerId")
                                .is(dealer)),
                org.bson.Document.class,
                "audit_trail");
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.getString("actor")).isEqualTo("disp-1");
            assertThat(entry.get("details", org.bson.Document.class).getString("rows"))
                    .isEqualTo("3");
        });
    }
}
