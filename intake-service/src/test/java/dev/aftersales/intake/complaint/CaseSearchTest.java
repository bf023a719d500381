package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.paging.CsvExport;
import dev.aftersales.chassis.test.ListDoor;
import dev.aftersales.chassis.test.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.node.ObjectNode;

/** The hotline's case search and its CSV export: paged, scoped to the caller, audited. */
class CaseSearchTest extends HotlineSliceTest {

    @Autowired
    MongoTemplate mongo;

    static String newAgent() {
        return "agent-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String newMobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    Set<String> casesTakenBy(String token, int n) {
        var ids = new HashSet<String>();
        for (int i = 0; i < n; i++) {
            ids.add(hotline.registered(token, Hotline.form()));
        }
        return ids;
    }

    static ObjectNode formWithPhone(String phone) {
        var form = Hotline.form();
        ((ObjectNode) form.path("customer")).putArray("phones").add(phone);
        return form;
    }

    @Test
    void an_agent_walking_their_cases_sees_each_existing_case_once_while_calls_come_in() {
        var agent = newAgent();
        var token = TestTokens.agent(agent);
        var existing = casesTakenBy(token, 11);
        var inserted = new HashSet<String>();
        var others = casesTakenBy(TestTokens.agent(newAgent()), 2);

        new ListDoor(port, "/api/complaints", "complaintId")
                .walkWhileInserting(
                        token,
                        3,
                        existing,
                        page -> inserted.addAll(casesTakenBy(token, 2)),
                        id -> existing.contains(id) || inserted.contains(id));

        assertThat(others).isNotEmpty();
    }

    @Test
    void the_search_pages_newest_first_in_a_stable_order() {
        var agent = newAgent();
        var token = TestTokens.agent(agent);
        var first = hotline.registered(token, Hotline.form());
        clock.set(clock.instant().plus(Duration.ofMinutes(5)));
        var second = hotline.registered(token, Hotline.form());

        var page = new ListDoor(port, "/api/complaints", "complaintId").page(token, 10, null);

        assertThat(page.ids()).containsExactly(second, first);
        assertThat(page.next()).isNull();
    }

    @Test
    void a_phone_finds_the_cases_however_it_is_typed_and_last_four_digits_need_a_short_period() {
        var phone = newMobile();
        var id = hotline.registered(TestTokens.agent(newAgent()), formWithPhone(phone));
        var typed = URLEncoder.encode(
                "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + " " + phone.substring(7),
                StandardCharsets.UTF_8);

        // another agent's case: found by phone, whoever took the call
        var byPhone = new ListDoor(port, "/api/complaints?phone=" + typed, "complaintId").page(AGENT, null, null);
        assertThat(byPhone.ids()).containsExactly(id);

        var from = clock.instant().minus(Duration.ofDays(1));
        var to = clock.instant().plus(Duration.ofDays(1));
        var byLast4 = new ListDoor(
                        port,
                        "/api/complaints?last4=" + phone.substring(7) + "&from=" + from + "&to=" + to,
                        "complaintId")
                .page(SUPERVISOR, 200, null);
        assertThat(byLast4.ids()).contains(id);

        var withoutPeriod = hotline.get(SUPERVISOR, "/api/complaints?last4=" + phone.substring(7));
        assertThat(withoutPeriod.statusCode()).isEqualTo(400);
        assertThat(Hotline.fieldsAtFault(withoutPeriod.body())).contains("last4");
        var tooLong = hotline.get(
                SUPERVISOR,
                "/api/complaints?last4=" + phone.substring(7) + "&from=" + from + "&to="
                        + from.plus(Duration.ofDays(32)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Hotline.fieldsAtFault(tooLong.body())).contains("to");
        var notAPhone = hotline.get(SUPERVISOR, "/api/complaints?phone=12345");
        assertThat(notAPhone.statusCode()).isEqualTo(400);
        assertThat(Hotline.fieldsAtFault(notAPhone.body())).contains("phone");
    }

    @Test
    void a_serial_customer_or_status_narrows_the_search() {
        var form = Hotline.form();
        var id = hotline.registered(AGENT, form);

        assertThat(new ListDoor(port, "/api/complaints?serial=" + Hotline.serialOf(form), "complaintId")
                        .page(SUPERVISOR, null, null)
                        .ids())
                .containsExactly(id);
        var agent = newAgent();
        var mine = casesTakenBy(TestTokens.agent(agent), 2);
        assertThat(new ListDoor(port, "/api/complaints?agent=" + agent + "&status=OPEN", "complaintId")
                        .page(SUPERVISOR, null, null)
                        .ids())
                .containsExactlyInAnyOrderElementsOf(mine);
        var both = hotline.get(SUPERVISOR, "/api/complaints?serial=WP-1&status=OPEN");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(Hotline.fieldsAtFault(both.body())).contains("status");
    }

    @Test
    void an_agent_may_not_list_another_agents_cases() {
        assertThat(hotline.get(AGENT, "/api/complaints?agent=someone-else").statusCode())
                .isEqualTo(403);
        assertThat(hotline.get(AGENT, "/api/complaints?agent=agent-1").statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_page_size_above_two_hundred_is_refused_naming_limit() {
        new ListDoor(port, "/api/complaints", "complaintId").refusesLimitAboveTheCap(SUPERVISOR, 200);
        new ListDoor(port, "/api/complaints/waiting", "complaintId").refusesLimitAboveTheCap(SUPERVISOR, 200);
    }

    @Test
    void a_cursor_replayed_by_another_agent_or_for_another_filter_is_not_found() {
        var agent = newAgent();
        var token = TestTokens.agent(agent);
        casesTakenBy(token, 3);
        var door = new ListDoor(port, "/api/complaints", "complaintId");

        door.refusesACursorOfAnotherCaller(token, TestTokens.agent(newAgent()));
        door.refusesACursorOfAnotherCaller(SUPERVISOR, token);
        var cursor = door.page(token, 1, null).next();
        var otherFilter = new ListDoor(port, "/api/complaints?status=OPEN", "complaintId").page(token, 1, cursor);
        assertThat(otherFilter.response().statusCode()).isEqualTo(404);
    }

    @Test
    void the_waiting_list_pages_through_a_backlog_oldest_first_without_losing_new_waiting_cases() {
        var existing = new HashSet<String>();
        existing.addAll(casesTakenBy(AGENT, 5));
        var inserted = new HashSet<String>();

        var seen = new ListDoor(port, "/api/complaints/waiting", "complaintId")
                .walkWhileInserting(
                        SUPERVISOR, 50, existing, page -> inserted.addAll(casesTakenBy(AGENT, 1)), id -> true);

        assertThat(seen).containsAll(existing);
    }

    @Test
    void the_export_streams_chinese_text_with_a_byte_order_mark_only_of_the_agents_own_cases_and_is_audited() {
        var agent = newAgent();
        var token = TestTokens.agent(agent);
        var form = Hotline.form();
        form.put("symptoms", "=漏水，滤芯发黄");
        var id = hotline.registered(token, form);
        var others = casesTakenBy(TestTokens.agent(newAgent()), 1);

        var response = ListDoor.export(port, "/api/complaints/export.csv", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.headers().firstValue(CsvExport.CAP_HEADER)).hasValue("50000");
        var bytes = response.body();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("complaintId,kind,status");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(id + ",REPAIR,").endsWith(",'=漏水，滤芯发黄");
        assertThat(String.join("\n", lines)).doesNotContain(others.iterator().next());

        var audited = mongo.find(
                Query.query(
                        Criteria.where("action").is("list.export").and("actor").is(agent)),
                Document.class,
                "audit_trail");
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.getString("subject")).isEqualTo("complaints");
            var details = entry.get("details", Document.class);
            assertThat(details.getString("rows")).isEqualTo("1");
            assertThat(details.getString("agent")).isEqualTo(agent);
        });
    }

    @Test
    void an_export_by_phone_records_that_a_phone_was_given_never_the_phone() {
        var phone = newMobile();
        hotline.registered(AGENT, formWithPhone(phone));

        var response = ListDoor.export(port, "/api/complaints/export.csv?phone=" + phone, SUPERVISOR);

        assertThat(response.statusCode()).isEqualTo(200);
        var audited = mongo.find(
                Query.query(
                        Criteria.where("action").is("list.export").and("actor").is("sup-1")),
                Document.class,
                "audit_trail");
        assertThat(audited).isNotEmpty().noneMatch(entry -> entry.toJson().contains(phone.substring(3)));
        assertThat(List.of(audited.get(audited.size() - 1)
                        .get("details", Document.class)
                        .getString("phone")))
                .containsExactly("given");
    }
}
