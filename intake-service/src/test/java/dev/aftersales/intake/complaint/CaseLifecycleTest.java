package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.AppointmentSet;
import dev.aftersales.contracts.dispatch.AssignmentAccepted;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.TechnicianArrived;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.contracts.followup.CustomerDissatisfied;
import dev.aftersales.contracts.followup.CustomerSatisfied;
import dev.aftersales.contracts.followup.ReturnCallMade;
import dev.aftersales.contracts.followup.SurveyAnswered;
import dev.aftersales.contracts.intake.ComplaintClosed;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintReopened;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.contracts.intake.ResolutionAgreed;
import dev.aftersales.contracts.intake.ResolutionKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseLifecycleTest extends HotlineSliceTest {

    @Test
    void a_case_settled_by_phone_at_registration_sends_nobody_and_is_resolved_by_phone() {
        var form = Hotline.form();
        form.put("settledByPhone", true);
        form.put("phoneGuidance", "长按复位键5秒后重启");
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var id = registered(form);

            var registered = tap.await(s -> id.equals(s.key()) && s.is(ComplaintRegistered.class), WAIT)
                    .as(ComplaintRegistered.class);
            assertThat(registered.settledByPhone()).isTrue();
            var resolved = tap.await(s -> id.equals(s.key()) && s.is(ComplaintResolvedByPhone.class), WAIT)
                    .as(ComplaintResolvedByPhone.class);
            assertThat(resolved.guidance()).isEqualTo("长按复位键5秒后重启");
            assertThat(resolved.resolvedBy()).isEqualTo("agent-1");
            var view = hotline.caseView(AGENT, id);
            assertThat(view.path("status").asString()).isEqualTo("RESOLVED_BY_PHONE");
            assertThat(view.path("settledByPhone").asBoolean()).isTrue();
            assertThat(view.path("clocks").path("firstAnswer").path("state").asString())
                    .isEqualTo("MET");
            assertThat(view.path("clocks").path("onSite").path("state").asString())
                    .isEqualTo("STOPPED");
        }
    }

    @Test
    void the_whole_complaint_form_round_trips_unchanged() {
        var form = Hotline.form();
        form.put("installedOn", "2024-05-03");
        form.put("previousBrand", "某品牌净水器");
        form.put("recentUsage", "每天用水约20升，上月搬过家");
        form.put("customerId", "CU-88");
        form.put("customerTier", "KEY");
        form.put("channel", "CONSUMER_ASSOCIATION");
        ((tools.jackson.databind.node.ObjectNode) form.path("customer")).put("name", "上海某某餐饮有限公司");

        var id = registered(form);

        var view = hotline.caseView(AGENT, id);
        var stored = view.path("form");
        assertThat(stored.path("customer").path("name").asString()).isEqualTo("上海某某餐饮有限公司");
        assertThat(stored.path("customer").path("phones").get(0).asString()).isEqualTo("13812345678");
        assertThat(stored.path("machine").path("batchNumber").asString()).isEqualTo("B2403");
        assertThat(stored.path("machine").path("productionDate").asString()).isEqualTo("2024-03-01");
        assertThat(stored.path("installedOn").asString()).isEqualTo("2024-05-03");
        assertThat(stored.path("previousBrand").asString()).isEqualTo("某品牌净水器");
        assertThat(stored.path("recentUsage").asString()).isEqualTo("每天用水约20升，上月搬过家");
        assertThat(stored.path("customerRequest").asString()).isEqualTo("尽快上门");
        assertThat(stored.path("customerId").asString()).isEqualTo("CU-88");
        assertThat(view.path("channel").asString()).isEqualTo("CONSUMER_ASSOCIATION");
    }

    @Test
    void settled_by_phone_without_guidance_is_refused_naming_the_field() {
        var form = Hotline.form();
        form.put("settledByPhone", true);

        var response = hotline.register(AGENT, form.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Hotline.fieldsAtFault(response.body())).contains("phoneGuidance");
    }

    @Test
    void dissatisfied_reopens_the_case_for_another_round_and_satisfied_closes_it() {
        var form = Hotline.form();
        var serial = Hotline.serialOf(form);
        var t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(60);
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var id = registered(form);
            var asg = "ASG-" + id;
            events.publish(
                    new TechnicianAssigned(
                            asg, id, "T-001", "D-SH", AssignmentRule.ORIGINAL_INSTALLER, null, at(t0, 1)),
                    id);
            events.publish(new AssignmentAccepted(asg, id, "T-001", at(t0, 2)), id);
            events.publish(new AppointmentSet(asg, id, "T-001", at(t0, 60), at(t0, 120), at(t0, 3)), id);
            events.publish(new TechnicianArrived(asg, id, "T-001", at(t0, 70)), id);
            events.publish(visit(asg, id, serial, false, at(t0, 90)), id);
            events.publish(new ReturnCallMade("RC-1", id, CallOutcome.REACHED, 1, "agent-9", at(t0, 200)), id);
            events.publish(
                    new SurveyAnswered("SV-1", id, 1, "T-001", "D-SH", false, 2, new BigDecimal("-1.5"), at(t0, 201)),
                    id);
            events.publish(new CustomerDissatisfied(id, 1, false, 2, "还是漏水", at(t0, 202)), id);

            var reopened = tap.await(s -> id.equals(s.key()) && s.is(ComplaintReopened.class), WAIT)
                    .as(ComplaintReopened.class);
            assertThat(reopened.round()).isEqualTo(2);
            assertThat(reopened.serialNumber()).isEqualTo(serial);
            assertThat(reopened.reason()).isEqualTo("还是漏水");
            var view = hotline.caseView(AGENT, id);
            assertThat(view.path("status").asString()).isEqualTo("REOPENED");
            assertThat(view.path("round").asInt()).isEqualTo(2);
            // Still open: a new call about the machine is logged on it.
            assertThat(hotline.register(AGENT, form.toString()).statusCode()).isEqualTo(200);

            var asg2 = "ASG-" + id + "-2";
            events.publish(
                    new TechnicianAssigned(
                            asg2, id, "T-002", "D-SH", AssignmentRule.DEALER_COLLEAGUE, null, at(t0, 300)),
                    id);
            events.publish(visit(asg2, id, serial, true, at(t0, 400)), id);
            events.publish(new CustomerSatisfied(id, 2, 5, at(t0, 500)), id);

            var closed = tap.await(s -> id.equals(s.key()) && s.is(ComplaintClosed.class), WAIT)
                    .as(ComplaintClosed.class);
            assertThat(closed.rounds()).isEqualTo(2);
            assertThat(closed.closedAt()).isEqualTo(at(t0, 500));
            await().atMost(WAIT)
                    .until(() -> "CLOSED"
                            .equals(hotline.caseView(AGENT, id).path("status").asString()));
            assertThat(hotline.milestones(AGENT, id))
                    .containsExactly(
                            "REGISTERED",
                            "CALL_LOGGED",
                            "TECHNICIAN_ASSIGNED",
                            "ASSIGNMENT_ACCEPTED",
                            "APPOINTMENT_SET",
                            "TECHNICIAN_ARRIVED",
                            "VISIT_COMPLETED",
                            "RETURN_CALL_MADE",
                            "SURVEY_ANSWERED",
                            "CUSTOMER_DISSATISFIED",
                            "REOPENED",
                            "TECHNICIAN_ASSIGNED",
                            "VISIT_COMPLETED",
                            "CUSTOMER_SATISFIED",
                            "CLOSED");
            // Closed: the next call about the machine is a new case.
            assertThat(hotline.register(AGENT, form.toString()).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void a_resolution_is_carried_out_only_after_approval_and_acceptance_each_step_on_the_timeline() {
        var form = Hotline.form(Hotline.serialOf(Hotline.form()), "QUALITY_COMPLAINT");
        var id = registered(form);
        var base = "/api/complaints/" + id + "/resolution";
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            assertThat(hotline.post(AGENT, base + "/acceptance", null).statusCode())
                    .isEqualTo(409);
            var proposed = hotline.post(AGENT, base, """
                    {"actions": [{"kind": "REPLACEMENT", "description": "更换整机"}, {"kind": "APOLOGY"}]}
                    """);
            assertThat(proposed.statusCode()).isEqualTo(201);
            assertThat(hotline.post(AGENT, base + "/acceptance", null).statusCode())
                    .isEqualTo(409);
            assertThat(hotline.post(AGENT, base + "/approval", null).statusCode())
                    .isEqualTo(403);
            assertThat(hotline.post(SUPERVISOR, base + "/approval", null).statusCode())
                    .isEqualTo(204);
            assertThat(hotline.post(AGENT, base + "/acceptance", null).statusCode())
                    .isEqualTo(204);
            assertThat(hotline.post(AGENT, base + "/acceptance", null).statusCode())
                    .isEqualTo(409);

            var agreed = tap.await(s -> id.equals(s.key()) && s.is(ResolutionAgreed.class), WAIT)
                    .as(ResolutionAgreed.class);
            assertThat(agreed.approvedBy()).isEqualTo("sup-1");
            assertThat(agreed.resolutionId())
                    .isEqualTo(
                            Hotline.read(proposed.body()).path("resolutionId").asString());
            assertThat(agreed.actions())
                    .extracting(a -> a.kind())
                    .containsExactly(ResolutionKind.REPLACEMENT, ResolutionKind.APOLOGY);
        }
        var steps = hotline.caseView(AGENT, id).path("timeline");
        var who = new java.util.LinkedHashMap<String, String>();
        for (var entry : steps) {
            if (entry.path("what").asString().startsWith("RESOLUTION_")) {
                who.put(entry.path("what").asString(), entry.path("by").asString());
            }
        }
        assertThat(who)
                .containsExactly(
                        java.util.Map.entry("RESOLUTION_PROPOSED", "agent-1"),
                        java.util.Map.entry("RESOLUTION_APPROVED", "sup-1"),
                        java.util.Map.entry("RESOLUTION_ACCEPTED", "agent-1"),
                        java.util.Map.entry("RESOLUTION_AGREED", "agent-1"));
    }

    @Test
    void the_procedure_is_refused_for_a_repair() {
        var id = registered(Hotline.form());

        var response = hotline.post(
                AGENT, "/api/complaints/" + id + "/resolution", "{\"actions\": [{\"kind\": \"APOLOGY\"}]}");

        assertThat(response.statusCode()).isEqualTo(409);
    }

    static VisitCompleted visit(String asg, String id, String serial, boolean fixed, Instant at) {
        return new VisitCompleted(
                asg,
                id,
                "T-001",
                "D-SH",
                serial,
                "密封圈老化",
                "WEAR",
                List.of(new PartLine("FLT-RO-01", 1)),
                BigDecimal.ZERO,
                fixed,
                at);
    }

    static Instant at(Instant t0, int minutes) {
        return t0.plus(Duration.ofMinutes(minutes));
    }
}
