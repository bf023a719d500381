package dev.aftersales.intake.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.contracts.intake.ResolutionKind;
import dev.aftersales.contracts.intake.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplaintCaseWorkTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    static Complaint registered(ComplaintKind kind) {
        var form = new ComplaintForm(
                new Customer("王芳", List.of("13812345678"), "上海", "310115"),
                new Machine("WP-0001", "RO-400", "400G", LocalDate.parse("2024-03-01"), "B2403"),
                null,
                kind,
                Channel.HOTLINE,
                "漏水",
                null);
        return Complaint.register("C-1", form, "agent-1", NOW, SlaPolicy.DEFAULT);
    }

    static List<String> types(Complaint complaint) {
        return Outbox.of(complaint.events()).pending().stream()
                .map(OutboxEvent::type)
                .toList();
    }

    static String type(EventCatalog entry) {
        return entry.type();
    }

    @Test
    void a_clock_breaches_at_its_deadline_not_a_millisecond_before_and_only_once() {
        var complaint = registered(ComplaintKind.REPAIR);
        var due = complaint.sla().firstAnswerDue();

        assertThat(complaint.breachDueClocks(due.minusMillis(1))).isEmpty();
        assertThat(complaint.nextSlaDue()).isEqualTo(due);
        assertThat(complaint.breachDueClocks(due)).containsExactly(SlaClock.FIRST_ANSWER);
        assertThat(complaint.breachDueClocks(due.plusSeconds(1))).isEmpty();
        assertThat(complaint.nextSlaDue()).isEqualTo(complaint.sla().onSiteDue());
        assertThat(types(complaint))
                .filteredOn(type(EventCatalog.SLA_BREACHED)::equals)
                .hasSize(1);
    }

    @Test
    void an_answer_before_the_deadline_meets_the_first_answer_clock() {
        var complaint = registered(ComplaintKind.REPAIR);

        complaint.recordAnswer("已回电", "agent-2", NOW.plus(Duration.ofHours(1)));

        assertThat(complaint.clocks().firstAnswer().metAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(complaint.breachDueClocks(complaint.sla().firstAnswerDue())).isEmpty();
    }

    @Test
    void a_case_that_needs_no_visit_runs_no_on_site_clock() {
        var complaint = registered(ComplaintKind.FEE_DISPUTE);

        assertThat(complaint.clocks().onSite().running()).isFalse();
        assertThat(complaint.breachDueClocks(complaint.sla().onSiteDue())).containsExactly(SlaClock.FIRST_ANSWER);
    }

    @Test
    void the_third_call_raises_the_priority_once() {
        var complaint = registered(ComplaintKind.REPAIR);

        complaint.logCall(new CallRecord("k2", NOW.plusSeconds(60), "agent-1", Channel.HOTLINE, null), 3);
        assertThat(complaint.priority()).isEqualTo(Priority.NORMAL);
        complaint.logCall(new CallRecord("k3", NOW.plusSeconds(120), "agent-1", Channel.DEALER, null), 3);
        complaint.logCall(new CallRecord("k4", NOW.plusSeconds(180), "agent-1", Channel.HOTLINE, null), 3);

        assertThat(complaint.priority()).isEqualTo(Priority.HIGH);
        assertThat(complaint.calls()).hasSize(4);
        assertThat(types(complaint))
                .filteredOn(type(EventCatalog.COMPLAINT_ESCALATED)::equals)
                .hasSize(1);
        assertThat(complaint.logCall(new CallRecord("k4", NOW.plusSeconds(240), "agent-1", Channel.HOTLINE, null), 3))
                .isFalse();
    }

    @Test
    void a_resolution_cannot_be_accepted_before_a_supervisor_approves_it() {
        var complaint = registered(ComplaintKind.QUALITY_COMPLAINT);
        complaint.proposeResolution(
                "RES-1", List.of(new ResolutionAction(ResolutionKind.REPLACEMENT, "更换整机", null)), "agent-1", NOW);

        assertThatThrownBy(() -> complaint.recordAcceptance("agent-1", NOW)).isInstanceOf(CaseRuleViolation.class);
        assertThat(types(complaint)).doesNotContain(type(EventCatalog.RESOLUTION_AGREED));

        complaint.approveResolution("sup-1", NOW.plusSeconds(60));
        complaint.recordAcceptance("agent-1", NOW.plusSeconds(120));

        assertThat(types(complaint)).contains(type(EventCatalog.RESOLUTION_AGREED));
        assertThat(complaint.resolution().approvedBy()).isEqualTo("sup-1");
    }

    @Test
    void a_dissatisfied_customer_reopens_the_case_and_a_satisfied_one_closes_it() {
        var complaint = registered(ComplaintKind.REPAIR);
        var later = NOW.plus(Duration.ofDays(2));

        complaint.customerDissatisfied(1, "还是漏水", new TimelineEntry(later, Milestone.CUSTOMER_DISSATISFIED, "", null));
        assertThat(complaint.round()).isEqualTo(2);
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.REOPENED);

        // A late report about round 1 changes nothing any more.
        complaint.customerSatisfied(1, new TimelineEntry(later.plusSeconds(1), Milestone.CUSTOMER_SATISFIED, "", null));
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.REOPENED);

        complaint.customerSatisfied(
                2, new TimelineEntry(later.plusSeconds(60), Milestone.CUSTOMER_SATISFIED, "", null));
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint.nextSlaDue()).isNull();
        assertThat(types(complaint))
                .contains(type(EventCatalog.COMPLAINT_REOPENED), type(EventCatalog.COMPLAINT_CLOSED));
    }
}
