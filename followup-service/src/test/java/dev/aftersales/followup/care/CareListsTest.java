package dev.aftersales.followup.care;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.ListDoor;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.followup.FollowupTestClock;
import dev.aftersales.followup.care.application.RecordCustomerContact;
import dev.aftersales.followup.care.application.SetCustomerTier;
import dev.aftersales.followup.care.application.SweepCareTasks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The care tasks and the silent customers: paged (tasks in the order they were created, silent customers
 * longest silent first), stable while customers are added, exported as Excel-readable CSV, audited.
 */
@ServiceSliceTest
@Import(FollowupTestClock.class)
class CareListsTest {

    static final String SUPERVISOR = TestTokens.token("sup-care", Map.of(), Role.SUPERVISOR);

    @Value("${local.server.port}")
    int port;

    @Autowired
    RecordCustomerContact contact;

    @Autowired
    SetCustomerTier setTier;

    @Autowired
    SweepCareTasks sweep;

    @Autowired
    MutableClock clock;

    @Autowired
    MongoTemplate mongo;

    String suffix;
    String agent;

    /** A time far from every other test's, so the care sweep here creates only this test's tasks. */
    @BeforeEach
    void start() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        agent = "agent-care-" + suffix;
        clock.set(Instant.parse("2032-01-01T00:00:00Z"));
    }

    /** Medium customers (a care call every 30 days) last contacted now, each with a task created 30 days on. */
    Set<String> caredFor(int n) {
        var tasks = new LinkedHashSet<String>();
        for (int i = 0; i < n; i++) {
            var customerId =
                    "CU-C" + suffix + "-" + UUID.randomUUID().toString().substring(0, 6);
            contact.record("contact:" + customerId, customerId, clock.instant());
            setTier.set(customerId, "MEDIUM");
            tasks.add("CARE-" + customerId + "-1");
        }
        clock.advance(Duration.ofDays(30));
        sweep.sweep();
        clock.advance(Duration.ofSeconds(1));
        return tasks;
    }

    /** Customers last contacted {@code daysAgo} days ago (before now), so silent. */
    Set<String> silent(int n, int daysAgo) {
        var ids = new LinkedHashSet<String>();
        for (int i = 0; i < n; i++) {
            var customerId =
                    "CU-S" + suffix + "-" + UUID.randomUUID().toString().substring(0, 6);
            contact.record(
                    "contact:" + customerId,
                    customerId,
                    clock.instant().minus(Duration.ofDays(daysAgo)).plusSeconds(i % 3));
            ids.add(customerId);
        }
        return ids;
    }

    String window(Instant from) {
        return "from=" + from + "&to=" + from.plus(Duration.ofDays(365));
    }

    @Test
    void an_agent_walking_the_care_tasks_sees_each_once_while_new_tasks_are_created() {
        var from = clock.instant();
        var existing = caredFor(7);

        new ListDoor(port, "/api/care/tasks?" + window(from), "id")
                .walkWhileInserting(
                        TestTokens.agent(agent),
                        3,
                        existing,
                        page -> caredFor(1),
                        // other tests' customers get tasks from the sweeps here too: care tasks belong to nobody
                        id -> true);
    }

    @Test
    void a_supervisor_walking_the_silent_customers_sees_each_once_longest_silent_first_while_more_fall_silent() {
        var existing = silent(7, 400);
        var inserted = new HashSet<String>();

        var seen = new ListDoor(port, "/api/customers/silent", "customerId")
                .walkWhileInserting(SUPERVISOR, 3, existing, page -> inserted.addAll(silent(1, 300)), id -> true);

        var mine = seen.stream().filter(id -> id.startsWith("CU-S" + suffix)).toList();
        assertThat(mine.subList(0, existing.size())).containsExactlyInAnyOrderElementsOf(existing);
    }

    @Test
    void a_page_size_above_two_hundred_is_refused_naming_limit_and_another_callers_cursor_is_not_found() {
        caredFor(3);
        silent(3, 400);
        var tasks = new ListDoor(port, "/api/care/tasks", "id");
        tasks.refusesLimitAboveTheCap(TestTokens.agent(agent), 200);
        tasks.refusesACursorOfAnotherCaller(TestTokens.agent(agent), TestTokens.agent("agent-other-" + suffix));
        var silent = new ListDoor(port, "/api/customers/silent", "customerId");
        silent.refusesLimitAboveTheCap(SUPERVISOR, 200);
        silent.refusesACursorOfAnotherCaller(SUPERVISOR, TestTokens.agent(agent));
    }

    @Test
    void a_reversed_due_window_is_refused_naming_to() {
        var reversed = ListDoor.get(
                port,
                "/api/care/tasks?from=" + clock.instant() + "&to="
                        + clock.instant().minusSeconds(1),
                SUPERVISOR,
                "application/json");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("\"to\"");
        assertThat(ListDoor.export(port, "/api/care/tasks/export.csv?from=x", SUPERVISOR)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void the_care_tasks_export_is_excel_readable_csv_of_the_window_and_is_audited() {
        var from = clock.instant();
        var tasks = caredFor(3);

        var response = ListDoor.export(port, "/api/care/tasks/export.csv?" + window(from), TestTokens.agent(agent));

        assertThat(response.statusCode()).isEqualTo(200);
        var bytes = response.body();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("id,customerId,kind,dueAt,createdAt");
        assertThat(List.of(lines).subList(1, lines.length))
                .filteredOn(line -> line.contains(suffix))
                .hasSize(3)
                .allMatch(line -> tasks.stream().anyMatch(line::startsWith) && line.contains(",CALL,"));
        var audited = mongo.find(
                Query.query(Criteria.where("action")
                        .is("list.export")
                        .and("actor")
                        .is(agent)
                        .and("subject")
                        .is("care.tasks")),
                Document.class,
                "audit_trail");
        assertThat(audited)
                .singleElement()
                .satisfies(
                        entry -> assertThat(entry.get("details", Document.class).getString("rows"))
                                .isEqualTo(Integer.toString(lines.length - 1)));
    }

    @Test
    void the_silent_customers_export_holds_silent_customers_only_and_is_audited() {
        var quiet = silent(2, 400);
        var recent = silent(1, 10);

        var response = ListDoor.export(port, "/api/customers/silent/export.csv", SUPERVISOR);

        assertThat(response.statusCode()).isEqualTo(200);
        var text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFcustomerId,tier,lastContactAt,nextCareAt\r\n");
        quiet.forEach(id -> assertThat(text).contains(id + ","));
        assertThat(text).doesNotContain(recent.iterator().next());
        assertThat(mongo.count(
                        Query.query(Criteria.where("action")
                                .is("list.export")
                                .and("actor")
                                .is("sup-care")
                                .and("subject")
                                .is("customers.silent")),
                        "audit_trail"))
                .isGreaterThanOrEqualTo(1);
    }
}
