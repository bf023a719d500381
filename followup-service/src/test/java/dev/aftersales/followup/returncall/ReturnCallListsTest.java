package dev.aftersales.followup.returncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.ListDoor;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.followup.FollowupTestClock;
import dev.aftersales.followup.casefile.domain.CaseFile;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import dev.aftersales.followup.returncall.application.RecordCallAttempt;
import dev.aftersales.followup.returncall.application.RecordCallAttemptCommand;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * The agents' work list and the supervisors' unreachable list: paged in the order calls were scheduled,
 * so a call an agent works between two pages (its due time moves) is still seen exactly once; an agent's
 * own and untried calls only; exported as Excel-readable CSV, audited.
 */
@ServiceSliceTest
@Import(FollowupTestClock.class)
class ReturnCallListsTest {

    static final String SUPERVISOR = TestTokens.token("sup-lists", Map.of(), Role.SUPERVISOR);

    @Value("${local.server.port}")
    int port;

    @Autowired
    ReturnCalls returnCalls;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    RecordCallAttempt recordAttempt;

    @Autowired
    MutableClock clock;

    @Autowired
    MongoTemplate mongo;

    /** A due window of this test's own, far from every other test's calls. */
    Instant window;

    String agent;
    String otherAgent;
    String suffix;

    @BeforeEach
    void window() {
        clock.set(FollowupTestClock.START);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        window = Instant.parse("2031-01-01T00:00:00Z")
                .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(3_000)));
        agent = "agent-" + suffix;
        otherAgent = "agent-o" + suffix;
    }

    String range() {
        return "from=" + window + "&to=" + window.plus(Duration.ofDays(1));
    }

    /** Calls due within the window, scheduled one clock tick apart (every other one at the same instant). */
    Set<String> scheduled(int n) {
        var ids = new LinkedHashSet<String>();
        for (int i = 0; i < n; i++) {
            var assignmentId =
                    "ASG-L" + suffix + "-" + UUID.randomUUID().toString().substring(0, 6);
            var call = ReturnCall.afterVisit(
                    assignmentId,
                    1,
                    "C-L" + assignmentId,
                    window.plus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(600))),
                    Duration.ofHours(1),
                    clock.instant());
            assertThat(returnCalls.add(call)).isTrue();
            ids.add(call.id());
            if (i % 2 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        return ids;
    }

    void tried(String returnCallId, String by, Instant callLaterAt) {
        recordAttempt.record(new RecordCallAttemptCommand(returnCallId, CallOutcome.CALL_LATER, callLaterAt, by));
    }

    boolean heldByOrUntried(String id, String holder) {
        var held = returnCalls.find(id).orElseThrow().agentId();
        return held == null || held.equals(holder);
    }

    @Test
    void an_agent_walking_the_due_list_sees_each_call_once_while_calls_arrive_and_tries_move_due_times() {
        var existing = scheduled(9);
        var order = new ArrayList<>(existing);
        var inserted = new HashSet<String>();
        var walker = TestTokens.agent(agent);

        var seen = new ListDoor(port, "/api/return-calls/due?" + range(), "returnCallId")
                .walkWhileInserting(
                        walker,
                        3,
                        existing,
                        page -> {
                            inserted.addAll(scheduled(1));
                            // the agent works the list: a call already seen moves to the end of the window,
                            // one not seen yet to its start; neither may show twice or go missing
                            tried(order.get(page), agent, window.plus(Duration.ofHours(23)));
                            tried(order.get(order.size() - 1 - page), agent, window.plus(Duration.ofMinutes(1)));
                        },
                        id -> (existing.contains(id) || inserted.contains(id)) && heldByOrUntried(id, agent));

        assertThat(seen).containsAll(existing);
    }

    @Test
    void a_supervisor_walks_the_unreachable_list_once_each_while_customers_become_unreachable() {
        var existing = new LinkedHashSet<String>();
        for (var id : scheduled(7)) {
            recordAttempt.record(new RecordCallAttemptCommand(id, CallOutcome.WRONG_NUMBER, null, agent));
            existing.add(id);
        }
        var inserted = new HashSet<String>();

        new ListDoor(port, "/api/return-calls/unreachable?" + range(), "returnCallId")
                .walkWhileInserting(
                        SUPERVISOR,
                        3,
                        existing,
                        page -> scheduled(1).forEach(id -> {
                            recordAttempt.record(
                                    new RecordCallAttemptCommand(id, CallOutcome.WRONG_NUMBER, null, otherAgent));
                            inserted.add(id);
                        }),
                        id -> existing.contains(id) || inserted.contains(id));
    }

    @Test
    void an_agent_sees_the_calls_they_hold_and_the_untried_ones_never_another_agents() {
        var calls = new ArrayList<>(scheduled(3));
        tried(calls.get(0), agent, window.plus(Duration.ofHours(2)));
        tried(calls.get(1), otherAgent, window.plus(Duration.ofHours(2)));

        var mine = new ListDoor(port, "/api/return-calls/due?" + range(), "returnCallId");
        assertThat(mine.page(TestTokens.agent(agent), 50, null).ids())
                .containsExactlyInAnyOrder(calls.get(0), calls.get(2));
        assertThat(new ListDoor(port, "/api/return-calls/due?agent=" + agent + "&" + range(), "returnCallId")
                        .page(TestTokens.agent(agent), 50, null)
                        .ids())
                .containsExactly(calls.get(0));
        assertThat(new ListDoor(port, "/api/return-calls/due?agent=" + otherAgent + "&" + range(), "returnCallId")
                        .page(SUPERVISOR, 50, null)
                        .ids())
                .containsExactly(calls.get(1));
        assertThat(mine.page(SUPERVISOR, 50, null).ids()).containsExactlyInAnyOrderElementsOf(calls);

        var another = ListDoor.get(
                port,
                "/api/return-calls/due?agent=" + otherAgent + "&" + range(),
                TestTokens.agent(agent),
                "application/json");
        assertThat(another.statusCode()).isEqualTo(403);
    }

    @Test
    void the_due_window_filters_and_a_reversed_or_unreadable_one_is_refused_naming_the_field() {
        var calls = scheduled(2);
        var inside = new ListDoor(port, "/api/return-calls/due?" + range(), "returnCallId");
        assertThat(inside.page(SUPERVISOR, 50, null).ids()).containsExactlyInAnyOrderElementsOf(calls);
        var before = "from=" + window.minus(Duration.ofDays(1)) + "&to=" + window;
        assertThat(new ListDoor(port, "/api/return-calls/due?" + before, "returnCallId")
                        .page(SUPERVISOR, 50, null)
                        .ids())
                .doesNotContainAnyElementsOf(calls);

        var reversed = ListDoor.get(
                port,
                "/api/return-calls/due?from=" + window.plus(Duration.ofDays(1)) + "&to=" + window,
                SUPERVISOR,
                "application/json");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("\"to\"");
        var both = ListDoor.get(port, "/api/return-calls/due?within=PT1H&to=" + window, SUPERVISOR, "application/json");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("\"within\"");
        var huge = ListDoor.get(port, "/api/return-calls/due?within=P99999999D", SUPERVISOR, "application/json");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("\"within\"");
        var unreadable = ListDoor.get(port, "/api/return-calls/due?from=yesterday", SUPERVISOR, "application/json");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("from");
    }

    @Test
    void a_page_size_above_two_hundred_is_refused_naming_limit() {
        new ListDoor(port, "/api/return-calls/due?" + range(), "returnCallId")
                .refusesLimitAboveTheCap(TestTokens.agent(agent), 200);
        new ListDoor(port, "/api/return-calls/unreachable", "returnCallId").refusesLimitAboveTheCap(SUPERVISOR, 200);
    }

    @Test
    void a_cursor_replayed_by_another_agent_is_not_found() {
        scheduled(3);

        new ListDoor(port, "/api/return-calls/due?" + range(), "returnCallId")
                .refusesACursorOfAnotherCaller(TestTokens.agent(agent), TestTokens.agent(otherAgent));
    }

    @Test
    void an_agents_export_holds_their_own_and_untried_calls_in_chinese_readable_csv_and_is_audited() {
        var calls = new ArrayList<>(scheduled(3));
        var file = CaseFile.open(returnCalls.find(calls.get(0)).orElseThrow().complaintId());
        file.registered("WP-" + suffix, "净水器·臻享 =SUM(A1)", "B-1", "CU-" + suffix, clock.instant(), "登记");
        caseFiles.save(file);
        tried(calls.get(0), agent, window.plus(Duration.ofHours(3)));
        tried(calls.get(1), otherAgent, window.plus(Duration.ofHours(3)));

        var response = ListDoor.export(port, "/api/return-calls/due/export.csv?" + range(), TestTokens.agent(agent));

        assertThat(response.statusCode()).isEqualTo(200);
        var bytes = response.body();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("returnCallId,complaintId,reason,dueAt,status");
        assertThat(List.of(lines).subList(1, lines.length))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line)
                        .startsWith(calls.get(0) + ",")
                        .contains("," + agent + ",")
                        .contains(",净水器·臻享 =SUM(A1),"))
                .anySatisfy(line -> assertThat(line).startsWith(calls.get(2) + ","));
        assertThat(String.join("\n", lines)).doesNotContain(calls.get(1), otherAgent);
        var audited = mongo.find(
                Query.query(Criteria.where("action")
                        .is("list.export")
                        .and("actor")
                        .is(agent)
                        .and("subject")
                        .is("return-calls.due")),
                Document.class,
                "audit_trail");
        assertThat(audited).singleElement().satisfies(entry -> {
            var details = entry.get("details", Document.class);
            assertThat(details.getString("rows")).isEqualTo("2");
            assertThat(details.getString("agent")).isEqualTo(agent);
        });
    }

    @Test
    void only_a_supervisor_exports_the_unreachable_list() {
        var call = scheduled(1).iterator().next();
        recordAttempt.record(new RecordCallAttemptCommand(call, CallOutcome.WRONG_NUMBER, null, agent));

        var response = ListDoor.export(port, "/api/return-calls/unreachable/export.csv?" + range(), SUPERVISOR);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(call + ",");
        assertThat(ListDoor.export(port, "/api/return-calls/unreachable/export.csv", TestTokens.agent(agent))
                        .statusCode())
                .isEqualTo(403);
    }
}
