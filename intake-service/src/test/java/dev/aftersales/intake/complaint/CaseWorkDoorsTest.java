package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.intake.CancellationReason;
import dev.aftersales.contracts.intake.ComplaintCancelled;
import dev.aftersales.contracts.intake.GoodwillKind;
import dev.aftersales.contracts.intake.GoodwillRecorded;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.contracts.intake.PriorityChanged;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Goodwill on any case, withdrawal by cancel or merge, and a supervisor's priority. */
class CaseWorkDoorsTest extends HotlineSliceTest {

    @Test
    void goodwill_above_the_agents_limit_is_refused_and_a_supervisor_records_it_on_the_timeline_and_the_cost() {
        var id = registered(Hotline.form());
        var before = counter("aftersales.goodwill.cost", "dealer", "none", "kind", "GIFT");
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var refused = hotline.post(AGENT, "/api/complaints/" + id + "/goodwill", """
                    {"kind": "GIFT", "amount": 500, "reason": "三次上门未修好，赠送滤芯一套"}""");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(Hotline.read(refused.body()).path("type").asString())
                    .isEqualTo("urn:aftersales:problem:goodwill-approval-required");

            var recorded = hotline.post(SUPERVISOR, "/api/complaints/" + id + "/goodwill", """
                    {"kind": "GIFT", "amount": 500, "reason": "三次上门未修好，赠送滤芯一套"}""");

            assertThat(recorded.statusCode()).isEqualTo(201);
            var event = tap.await(s -> id.equals(s.key()) && s.is(GoodwillRecorded.class), WAIT)
                    .as(GoodwillRecorded.class);
            assertThat(event.kind()).isEqualTo(GoodwillKind.GIFT);
            assertThat(event.amount()).isEqualByComparingTo("500");
            assertThat(event.approvedBy()).isEqualTo("sup-1");
            assertThat(event.compensationId())
                    .isEqualTo(
                            Hotline.read(recorded.body()).path("compensationId").asString());
            assertThat(tap.drain(Duration.ofSeconds(1)))
                    .as("the refused one published nothing")
                    .filteredOn(s -> id.equals(s.key()) && s.is(GoodwillRecorded.class))
                    .hasSize(1);
        }
        assertThat(hotline.milestones(AGENT, id)).containsOnlyOnce("GOODWILL_RECORDED");
        assertThat(counter("aftersales.goodwill.cost", "dealer", "none", "kind", "GIFT"))
                .isEqualTo(before + 500);
    }

    @Test
    void goodwill_within_the_agents_limit_is_recorded_and_bad_input_names_its_fields() {
        var id = registered(Hotline.form());
        var ok = hotline.post(
                AGENT,
                "/api/complaints/" + id + "/goodwill",
                "{\"kind\": \"WAIVER\", \"amount\": 50, \"reason\": \"免上门费\"}");
        var bad = hotline.post(AGENT, "/api/complaints/" + id + "/goodwill", "{\"kind\": \"CASH\", \"amount\": -1}");

        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Hotline.fieldsAtFault(bad.body())).contains("kind");
        var invalid =
                hotline.post(AGENT, "/api/complaints/" + id + "/goodwill", "{\"kind\": \"GIFT\", \"amount\": -1}");
        assertThat(Hotline.fieldsAtFault(invalid.body())).containsExactlyInAnyOrder("amount", "reason");
    }

    @Test
    void goodwill_retried_with_its_idempotency_key_is_recorded_once_with_the_same_answer() {
        var id = registered(Hotline.form());
        var body = "{\"kind\": \"DISCOUNT\", \"amount\": 30, \"reason\": \"下次保养九折\"}";
        var key = "gw-" + java.util.UUID.randomUUID();

        var first = hotline.postWithKey(AGENT, "/api/complaints/" + id + "/goodwill", body, key);
        var retried = hotline.postWithKey(AGENT, "/api/complaints/" + id + "/goodwill", body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(hotline.milestones(AGENT, id)).containsOnlyOnce("GOODWILL_RECORDED");
    }

    @Test
    void a_case_the_customer_cancelled_ends_with_complaint_cancelled_and_the_next_call_opens_a_new_case() {
        var form = Hotline.form();
        var id = registered(form);
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var response = hotline.post(AGENT, "/api/complaints/" + id + "/cancellation", """
                    {"reason": "CUSTOMER_CANCELLED", "note": "客户自行修好"}""");

            assertThat(response.statusCode()).isEqualTo(204);
            var cancelled = tap.await(s -> id.equals(s.key()) && s.is(ComplaintCancelled.class), WAIT)
                    .as(ComplaintCancelled.class);
            assertThat(cancelled.reason()).isEqualTo(CancellationReason.CUSTOMER_CANCELLED);
            assertThat(cancelled.cancelledBy()).isEqualTo("agent-1");
        }
        var view = hotline.caseView(AGENT, id);
        assertThat(view.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(view.path("clocks").path("resolution").path("state").asString())
                .isEqualTo("STOPPED");
        assertThat(hotline.post(AGENT, "/api/complaints/" + id + "/cancellation", """
                        {"reason": "CUSTOMER_CANCELLED", "note": "again"}""")
                        .statusCode())
                .isEqualTo(409);
        assertThat(hotline.register(AGENT, form.toString()).statusCode()).isEqualTo(201);
    }

    @Test
    void a_duplicate_merged_into_another_case_names_it_and_shows_on_its_timeline() {
        var serial = Hotline.serialOf(Hotline.form());
        var survivor = registered(Hotline.form(serial, "REPAIR"));
        var duplicateForm = Hotline.form(serial, "REPAIR");
        duplicateForm.put("matter", "NEW");
        var duplicate = registered(duplicateForm);
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            assertThat(hotline.post(AGENT, "/api/complaints/" + duplicate + "/cancellation", """
                            {"reason": "MERGED", "note": "同一漏水问题"}""")
                            .statusCode())
                    .isEqualTo(400);
            var merged = hotline.post(
                    AGENT,
                    "/api/complaints/" + duplicate + "/cancellation",
                    "{\"reason\": \"MERGED\", \"mergedInto\": \"%s\", \"note\": \"同一漏水问题\"}".formatted(survivor));

            assertThat(merged.statusCode()).isEqualTo(204);
            var cancelled = tap.await(s -> duplicate.equals(s.key()) && s.is(ComplaintCancelled.class), WAIT)
                    .as(ComplaintCancelled.class);
            assertThat(cancelled.reason()).isEqualTo(CancellationReason.MERGED);
            assertThat(cancelled.mergedInto()).isEqualTo(survivor);
        }
        var lines = hotline.caseView(AGENT, survivor).path("timeline");
        assertThat(lines.toString()).contains(duplicate).contains("merged into this case");
    }

    @Test
    void merging_into_a_case_that_is_not_open_is_refused_naming_merged_into() {
        var id = registered(Hotline.form());
        var response = hotline.post(
                AGENT,
                "/api/complaints/" + id + "/cancellation",
                "{\"reason\": \"MERGED\", \"mergedInto\": \"C-20260101-000000000000\", \"note\": \"重复\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Hotline.fieldsAtFault(response.body())).containsExactly("mergedInto");
        assertThat(hotline.caseView(AGENT, id).path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void a_supervisor_sets_the_priority_with_a_reason_and_priority_changed_tells_the_others() {
        var id = registered(Hotline.form());
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var response = hotline.post(SUPERVISOR, "/api/complaints/" + id + "/priority", """
                    {"priority": "URGENT", "reason": "医院用户，停水"}""");

            assertThat(response.statusCode()).isEqualTo(204);
            var changed = tap.await(s -> id.equals(s.key()) && s.is(PriorityChanged.class), WAIT)
                    .as(PriorityChanged.class);
            assertThat(changed.priority()).isEqualTo(Priority.URGENT);
            assertThat(changed.reason()).isEqualTo("医院用户，停水");
            assertThat(changed.changedBy()).isEqualTo("sup-1");
        }
        assertThat(hotline.caseView(AGENT, id).path("priority").asString()).isEqualTo("URGENT");
        assertThat(hotline.post(SUPERVISOR, "/api/complaints/" + id + "/priority", """
                        {"priority": "URGENT", "reason": "again"}""")
                        .statusCode())
                .isEqualTo(409);
        assertThat(Hotline.fieldsAtFault(
                        hotline.post(SUPERVISOR, "/api/complaints/" + id + "/priority", "{\"priority\": \"HIGH\"}")
                                .body()))
                .containsExactly("reason");
    }

    @Test
    void the_third_call_raises_the_priority_with_priority_changed_by_the_system() {
        var form = Hotline.form();
        var id = registered(form);
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            hotline.register(AGENT, form.toString());
            hotline.register(AGENT, form.toString());

            var changed = tap.await(s -> id.equals(s.key()) && s.is(PriorityChanged.class), WAIT)
                    .as(PriorityChanged.class);
            assertThat(changed.priority()).isEqualTo(Priority.HIGH);
            assertThat(changed.changedBy()).isEqualTo("system");
        }
    }
}
