package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.audit.AuditTrail;
import dev.aftersales.chassis.paging.CsvExport;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ListDoor;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.followup.CustomerDissatisfied;
import dev.aftersales.contracts.followup.CustomerSatisfied;
import dev.aftersales.contracts.intake.ComplaintClosed;
import dev.aftersales.contracts.intake.ResolutionActionDone;
import dev.aftersales.contracts.intake.ResolutionActionOverdue;
import dev.aftersales.contracts.intake.ResolutionAgreed;
import dev.aftersales.contracts.intake.ResolutionCarriedOut;
import dev.aftersales.contracts.intake.ResolutionKind;
import dev.aftersales.contracts.parts.ReplacementShipped;
import dev.aftersales.intake.complaint.application.SweepOverdueActions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Intake owns the actions of an agreed resolution and carries the case to its end by them. */
class CarryingOutResolutionsTest extends HotlineSliceTest {

    static final String DEALER_X = TestTokens.token("dealer-x", Map.of("dealer_id", "D-X"), Role.DEALER);
    static final String DEALER_Y = TestTokens.token("dealer-y", Map.of("dealer_id", "D-Y"), Role.DEALER);

    @Autowired
    SweepOverdueActions overdueSweep;

    @Autowired
    AuditTrail trail;

    @Test
    void a_refund_marked_done_by_its_owner_carries_the_resolution_out_and_satisfied_closes_the_case() {
        var id = registered(Hotline.form(Hotline.serialOf(Hotline.form()), "FEE_DISPUTE"));
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var resolutionId = agree(id, """
                    {"actions": [{"kind": "FEE_REFUND", "amount": 80, "description": "退还上门费"}]}""");
            var agreed = tap.await(s -> id.equals(s.key()) && s.is(ResolutionAgreed.class), WAIT)
                    .as(ResolutionAgreed.class);
            var action = agreed.actions().get(0);
            assertThat(action.actionId()).isEqualTo(resolutionId + "-1");
            assertThat(action.ownerRole()).isEqualTo("AGENT");
            assertThat(action.promisedBy()).isAfter(clock.instant());

            var done = hotline.post(AGENT, actionPath(id, action.actionId(), "done"), """
                    {"evidenceReference": "RF-2026-0042", "note": "已退回微信"}""");

            assertThat(done.statusCode()).isEqualTo(204);
            var reported = tap.await(s -> id.equals(s.key()) && s.is(ResolutionActionDone.class), WAIT)
                    .as(ResolutionActionDone.class);
            assertThat(reported.evidenceReference()).isEqualTo("RF-2026-0042");
            assertThat(reported.doneBy()).isEqualTo("agent-1");
            var carriedOut = tap.await(s -> id.equals(s.key()) && s.is(ResolutionCarriedOut.class), WAIT)
                    .as(ResolutionCarriedOut.class);
            assertThat(carriedOut.resolutionId()).isEqualTo(resolutionId);
            assertThat(carriedOut.round()).isEqualTo(1);
            assertThat(hotline.caseView(AGENT, id).path("status").asString()).isEqualTo("AWAITING_RETURN_CALL");
            assertThat(hotline.post(AGENT, actionPath(id, action.actionId(), "done"), "{\"note\": \"again\"}")
                            .statusCode())
                    .isEqualTo(409);

            events.publish(new CustomerSatisfied(id, 1, 5, clock.instant().plusSeconds(60)), id);
            tap.await(s -> id.equals(s.key()) && s.is(ComplaintClosed.class), WAIT);
        }
        assertThat(hotline.milestones(AGENT, id))
                .containsSubsequence("RESOLUTION_AGREED", "ACTION_DONE", "RESOLUTION_CARRIED_OUT", "CLOSED");
    }

    @Test
    void
            replacement_goods_are_done_when_the_customer_received_what_the_dealer_shipped_and_only_the_owning_dealer_may_report() {
        var form = Hotline.form(Hotline.serialOf(Hotline.form()), "QUALITY_COMPLAINT");
        var id = registered(form);
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var resolutionId = agree(id, """
                    {"actions": [
                      {"kind": "REPLACEMENT", "itemNumber": "RO-400", "quantity": 2, "ownerRole": "DEALER", "ownerDealerId": "D-X"},
                      {"kind": "FREE_GOODS", "itemNumber": "FLT-PP-01", "description": "赠送滤芯"}]}""");
            var replacement = resolutionId + "-1";
            var gift = resolutionId + "-2";
            var agreed = tap.await(s -> id.equals(s.key()) && s.is(ResolutionAgreed.class), WAIT)
                    .as(ResolutionAgreed.class);
            assertThat(agreed.actions().get(0).quantity()).isEqualTo(2);
            assertThat(agreed.actions().get(1).quantity()).isEqualTo(1);

            assertThat(hotline.post(AGENT, actionPath(id, replacement, "receipt"), "{}")
                            .statusCode())
                    .as("nothing shipped yet")
                    .isEqualTo(409);
            assertThat(hotline.post(DEALER_Y, actionPath(id, replacement, "done"), "{\"note\": \"发了\"}")
                            .statusCode())
                    .as("another dealer's action")
                    .isEqualTo(404);

            events.publish(
                    new ReplacementShipped(id, replacement, "D-X", "SF-778899", "dealer-x", clock.instant()), id);
            await().atMost(WAIT).until(() -> hotline.milestones(AGENT, id).contains("REPLACEMENT_SHIPPED"));
            assertThat(hotline.post(AGENT, actionPath(id, replacement, "receipt"), "{\"note\": \"客户已签收\"}")
                            .statusCode())
                    .isEqualTo(204);
            var done = tap.await(
                            s -> id.equals(s.key())
                                    && s.is(ResolutionActionDone.class)
                                    && s.payload().contains(replacement + "\""),
                            WAIT)
                    .as(ResolutionActionDone.class);
            assertThat(done.evidenceReference()).isEqualTo("SF-778899");

            assertThat(hotline.post(DEALER_X, actionPath(id, gift, "done"), "{\"note\": \"随货赠送\"}")
                            .statusCode())
                    .as("the gift is the hotline's: the dealer does not see it")
                    .isEqualTo(404);
            assertThat(hotline.post(AGENT, actionPath(id, gift, "done"), "{\"note\": \"随货赠送\"}")
                            .statusCode())
                    .isEqualTo(204);
            tap.await(s -> id.equals(s.key()) && s.is(ResolutionCarriedOut.class), WAIT);
        }
    }

    @Test
    void an_action_past_its_promised_time_is_reported_overdue_once_and_listed_for_the_supervisor() {
        var id = registered(Hotline.form(Hotline.serialOf(Hotline.form()), "FEE_DISPUTE"));
        var promised = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var before = counter("aftersales.resolution.actions.overdue", "kind", "FEE_REFUND");
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var resolutionId = agree(id, """
                    {"actions": [{"kind": "FEE_REFUND", "amount": 50, "promisedBy": "%s"}]}""".formatted(promised));
            overdueSweep.sweep();
            assertThat(hotline.milestones(AGENT, id)).as("not due yet").doesNotContain("ACTION_OVERDUE");

            clock.set(promised.plusSeconds(1));
            // The scheduled sweep may get there first: either way the action is reported once.
            overdueSweep.sweep();
            var overdue = tap.await(s -> id.equals(s.key()) && s.is(ResolutionActionOverdue.class), WAIT)
                    .as(ResolutionActionOverdue.class);
            assertThat(overdue.actionId()).isEqualTo(resolutionId + "-1");
            assertThat(overdue.promisedBy()).isEqualTo(promised);
            overdueSweep.sweep();
            assertThat(tap.drain(Duration.ofSeconds(1)))
                    .as("reported once")
                    .filteredOn(s -> id.equals(s.key()) && s.is(ResolutionActionOverdue.class))
                    .hasSize(1);
        }
        assertThat(counter("aftersales.resolution.actions.overdue", "kind", "FEE_REFUND"))
                .isEqualTo(before + 1);
        var list = hotline.get(SUPERVISOR, "/api/complaints/overdue-actions?limit=200");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(id).contains("FEE_REFUND");

        hotline.post(AGENT, actionPath(id, lineOf(list.body(), id), "done"), "{\"note\": \"已退款\"}");
        assertThat(hotline.get(SUPERVISOR, "/api/complaints/overdue-actions?limit=200")
                        .body())
                .doesNotContain(id);
    }

    @Test
    void a_revisit_is_never_by_the_technician_the_complaint_is_about_and_is_done_by_its_visit() {
        var form = Hotline.form(Hotline.serialOf(Hotline.form()), "SERVICE_ATTITUDE");
        CaseKindsTest.subject(form, "TECHNICIAN", "T-009", "态度恶劣");
        var id = registered(form);
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var resolutionId = agree(id, """
                    {"actions": [{"kind": "REVISIT", "description": "换师傅重新上门"}, {"kind": "APOLOGY"}]}""");
            var revisit = tap.await(s -> id.equals(s.key()) && s.is(ResolutionAgreed.class), WAIT)
                    .as(ResolutionAgreed.class)
                    .actions()
                    .get(0);
            assertThat(revisit.kind()).isEqualTo(ResolutionKind.REVISIT);
            assertThat(revisit.excludedTechnicianId()).isEqualTo("T-009");
            assertThat(revisit.ownerRole()).isEqualTo("DISPATCHER");

            events.publish(
                    new VisitCompleted(
                            "ASG-R-" + id,
                            id,
                            "T-010",
                            "D-SH",
                            Hotline.serialOf(form),
                            "复查正常",
                            null,
                            List.of(),
                            BigDecimal.ZERO,
                            true,
                            clock.instant(),
                            null,
                            resolutionId + "-1",
                            null,
                            null),
                    id);
            var done = tap.await(s -> id.equals(s.key()) && s.is(ResolutionActionDone.class), WAIT)
                    .as(ResolutionActionDone.class);
            assertThat(done.actionId()).isEqualTo(resolutionId + "-1");
            assertThat(done.doneBy()).isEqualTo("T-010");
            assertThat(done.evidenceReference()).isEqualTo("ASG-R-" + id);
        }
    }

    @Test
    void a_customer_not_satisfied_with_what_was_carried_out_gets_a_new_round_for_the_supervisor() {
        var id = registered(Hotline.form(Hotline.serialOf(Hotline.form()), "FEE_DISPUTE"));
        var resolutionId = agree(id, "{\"actions\": [{\"kind\": \"APOLOGY\"}]}");
        hotline.post(AGENT, actionPath(id, resolutionId + "-1", "done"), "{\"note\": \"已致歉\"}");

        events.publish(
                new CustomerDissatisfied(
                        id, 1, false, 2, "退款太少", clock.instant().plusSeconds(60)),
                id);
        await().atMost(WAIT)
                .until(() -> "REOPENED"
                        .equals(hotline.caseView(AGENT, id).path("status").asString()));

        var proposal = hotline.post(
                AGENT,
                "/api/complaints/" + id + "/resolution",
                "{\"actions\": [{\"kind\": \"FEE_REFUND\", \"amount\": 100}]}");
        assertThat(proposal.statusCode()).isEqualTo(201);
        assertThat(hotline.caseView(AGENT, id).path("resolution").path("round").asInt())
                .isEqualTo(2);
    }

    @Test
    void the_overdue_list_is_paged_oldest_case_first_and_a_walk_shows_each_overdue_action_once_while_more_fall_due() {
        var existing = new java.util.ArrayList<String>();
        for (var i = 0; i < 3; i++) {
            existing.add(overdueAction());
        }
        var door = new ListDoor(port, "/api/complaints/overdue-actions", "actionId");

        var seen = door.walkWhileInserting(
                SUPERVISOR,
                1,
                java.util.Set.copyOf(existing),
                page -> {
                    if (page < 2) {
                        overdueAction();
                    }
                },
                actionId -> true);

        var ours = seen.stream().filter(existing::contains).toList();
        assertThat(ours).as("oldest case first").containsExactlyElementsOf(existing);
        door.refusesLimitAboveTheCap(SUPERVISOR, 200);
        door.refusesACursorOfAnotherCaller(SUPERVISOR, TestTokens.token("sup-2", Map.of(), Role.SUPERVISOR));
        assertThat(hotline.get(AGENT, "/api/complaints/overdue-actions").statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_overdue_list_exports_as_csv_one_line_per_action_for_the_supervisor_only_and_audited() {
        var actionId = overdueAction();

        var export = ListDoor.export(port, "/api/complaints/overdue-actions/export.csv", SUPERVISOR);

        assertThat(export.statusCode()).isEqualTo(200);
        var bytes = export.body();
        assertThat(java.util.Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        var lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                .substring(1)
                .split("\r\n");
        assertThat(lines[0])
                .isEqualTo("complaintId,caseKind,priority,resolutionId,actionId,kind,description,ownerRole,"
                        + "ownerDealerId,promisedBy,overdueAt");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains("," + actionId + ",FEE_REFUND,")
                        .contains("退还上门费"));
        assertThat(ListDoor.export(port, "/api/complaints/overdue-actions/export.csv", AGENT)
                        .statusCode())
                .isEqualTo(403);
        await().atMost(WAIT)
                .until(() -> trail.list(CsvExport.AUDIT_ACTION, "complaints.overdue-actions", null, null, 50).stream()
                        .anyMatch(entry -> "sup-1".equals(entry.actor())));
    }

    /** A fee dispute whose agreed refund is now past its promised time: its action id. */
    private String overdueAction() {
        var id = registered(Hotline.form(Hotline.serialOf(Hotline.form()), "FEE_DISPUTE"));
        var promised = clock.instant().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var resolutionId = agree(id, """
                {"actions": [{"kind": "FEE_REFUND", "amount": 50, "description": "退还上门费", "promisedBy": "%s"}]}""".formatted(promised));
        clock.set(promised.plusSeconds(1));
        overdueSweep.sweep();
        var actionId = resolutionId + "-1";
        await().atMost(WAIT)
                .until(() -> hotline.get(SUPERVISOR, "/api/complaints/overdue-actions?limit=200")
                        .body()
                        .contains(actionId));
        return actionId;
    }

    private String agree(String id, String resolution) {
        var base = "/api/complaints/" + id + "/resolution";
        var proposed = hotline.post(AGENT, base, resolution);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        assertThat(hotline.post(SUPERVISOR, base + "/approval", null).statusCode())
                .isEqualTo(204);
        assertThat(hotline.post(AGENT, base + "/acceptance", null).statusCode()).isEqualTo(204);
        return Hotline.read(proposed.body()).path("resolutionId").asString();
    }

    static String actionPath(String id, String actionId, String step) {
        return "/api/complaints/" + id + "/resolution/actions/" + actionId + "/" + step;
    }

    private static String lineOf(String list, String complaintId) {
        for (var line : Hotline.read(list).path("items")) {
            if (complaintId.equals(line.path("complaintId").asString())) {
                return line.path("actionId").asString();
            }
        }
        throw new AssertionError("no overdue action of " + complaintId + " in " + list);
    }
}
