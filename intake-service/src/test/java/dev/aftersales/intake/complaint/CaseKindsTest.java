package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.SubjectKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The kind steers the flow, and one case per matter (docs/case-kinds.md). */
class CaseKindsTest extends HotlineSliceTest {

    @Test
    void a_fee_dispute_about_a_machine_with_an_open_relocation_is_its_own_case_linked_both_ways() {
        var serial = Hotline.serialOf(Hotline.form());
        var relocation = registered(Hotline.form(serial, "RELOCATION"));
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var response =
                    hotline.register(AGENT, Hotline.form(serial, "FEE_DISPUTE").toString());

            assertThat(response.statusCode()).isEqualTo(201);
            var dispute = Hotline.read(response.body()).path("complaintId").asString();
            assertThat(dispute).isNotEqualTo(relocation);
            var registered = tap.await(s -> dispute.equals(s.key()) && s.is(ComplaintRegistered.class), WAIT)
                    .as(ComplaintRegistered.class);
            assertThat(registered.relatedComplaintIds()).containsExactly(relocation);
            assertThat(registered.subject().kind()).isEqualTo(SubjectKind.FEE);
        }
        assertThat(hotline.milestones(AGENT, relocation)).contains("CASE_LINKED");
        assertThat(hotline.caseView(AGENT, relocation)
                        .path("relatedComplaintIds")
                        .get(0)
                        .asString())
                .isNotBlank();
        var disputeView = hotline.caseView(AGENT, latestCaseOf(serial, relocation));
        assertThat(disputeView.path("handledBy").asString()).isEqualTo("SUPERVISOR");
        assertThat(disputeView.path("clocks").path("onSite").path("state").asString())
                .isEqualTo("STOPPED");
        var proposal = hotline.post(
                AGENT,
                "/api/complaints/" + disputeView.path("complaintId").asString() + "/resolution",
                "{\"actions\": [{\"kind\": \"FEE_REFUND\", \"amount\": 80, \"description\": \"退还移机费\"}]}");
        assertThat(proposal.statusCode()).isEqualTo(201);
        assertThat(hotline.caseView(AGENT, relocation).path("status").asString())
                .isEqualTo("OPEN");
    }

    @Test
    void a_second_call_of_another_kind_is_logged_on_the_open_case_when_the_agent_says_same_matter() {
        var serial = Hotline.serialOf(Hotline.form());
        var repair = registered(Hotline.form(serial, "REPAIR"));
        var form = Hotline.form(serial, "QUALITY_COMPLAINT");
        form.put("matter", "SAME");
        form.put("relatedComplaintId", repair);

        var response = hotline.register(AGENT, form.toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Hotline.read(response.body()).path("complaintId").asString()).isEqualTo(repair);
        assertThat(Hotline.read(response.body()).path("callCount").asInt()).isEqualTo(2);
    }

    @Test
    void a_call_of_the_same_kind_opens_a_new_linked_case_when_the_agent_says_new_matter() {
        var serial = Hotline.serialOf(Hotline.form());
        var first = registered(Hotline.form(serial, "REPAIR"));
        var form = Hotline.form(serial, "REPAIR");
        form.put("matter", "NEW");

        var response = hotline.register(AGENT, form.toString());

        assertThat(response.statusCode()).isEqualTo(201);
        var second = Hotline.read(response.body()).path("complaintId").asString();
        assertThat(hotline.caseView(AGENT, second)
                        .path("relatedComplaintIds")
                        .get(0)
                        .asString())
                .isEqualTo(first);
        assertThat(hotline.caseView(AGENT, first)
                        .path("relatedComplaintIds")
                        .get(0)
                        .asString())
                .isEqualTo(second);
    }

    @Test
    void a_related_case_that_is_not_open_on_the_machine_is_refused_naming_the_field() {
        var form = Hotline.form();
        form.put("matter", "SAME");
        form.put("relatedComplaintId", "C-20260101-000000000000");

        var response = hotline.register(AGENT, form.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Hotline.fieldsAtFault(response.body())).containsExactly("relatedComplaintId");
    }

    @Test
    void a_service_attitude_complaint_records_whom_it_is_about_and_goes_to_the_supervisor() {
        var form = Hotline.form(Hotline.serialOf(Hotline.form()), "SERVICE_ATTITUDE");
        subject(form, "TECHNICIAN", "T-009", "上门态度恶劣");
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var id = registered(form);

            var registered = tap.await(s -> id.equals(s.key()) && s.is(ComplaintRegistered.class), WAIT)
                    .as(ComplaintRegistered.class);
            assertThat(registered.subject().kind()).isEqualTo(SubjectKind.TECHNICIAN);
            assertThat(registered.subject().id()).isEqualTo("T-009");
            var view = hotline.caseView(AGENT, id);
            assertThat(view.path("handledBy").asString()).isEqualTo("SUPERVISOR");
            assertThat(view.path("subject").path("id").asString()).isEqualTo("T-009");
            assertThat(view.path("clocks").path("onSite").path("state").asString())
                    .isEqualTo("STOPPED");
        }
    }

    @Test
    void a_quality_complaint_without_a_subject_is_about_its_batch() {
        var form = Hotline.form(Hotline.serialOf(Hotline.form()), "QUALITY_COMPLAINT");
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var id = registered(form);

            var registered = tap.await(s -> id.equals(s.key()) && s.is(ComplaintRegistered.class), WAIT)
                    .as(ComplaintRegistered.class);
            assertThat(registered.subject().kind()).isEqualTo(SubjectKind.BATCH);
            assertThat(registered.subject().id()).isEqualTo("B2403");
        }
    }

    @Test
    void a_service_attitude_complaint_without_a_subject_and_a_repair_with_one_are_refused_naming_subject() {
        var attitude = Hotline.form(Hotline.serialOf(Hotline.form()), "SERVICE_ATTITUDE");
        var repair = Hotline.form();
        subject(repair, "TECHNICIAN", "T-009", null);

        var refusedAttitude = hotline.register(AGENT, attitude.toString());
        var refusedRepair = hotline.register(AGENT, repair.toString());

        assertThat(refusedAttitude.statusCode()).isEqualTo(400);
        assertThat(Hotline.fieldsAtFault(refusedAttitude.body())).containsExactly("subject");
        assertThat(refusedRepair.statusCode()).isEqualTo(400);
        assertThat(Hotline.fieldsAtFault(refusedRepair.body())).containsExactly("subject");
    }

    static void subject(ObjectNode form, String kind, String id, String description) {
        var subject = form.putObject("subject");
        subject.put("kind", kind);
        subject.put("id", id);
        if (description != null) {
            subject.put("description", description);
        }
    }

    /** The case of the machine registered after {@code older}, from the older one's links. */
    private String latestCaseOf(String serial, String older) {
        var linked = hotline.caseView(AGENT, older).path("relatedComplaintIds");
        return linked.get(linked.size() - 1).asString();
    }
}
