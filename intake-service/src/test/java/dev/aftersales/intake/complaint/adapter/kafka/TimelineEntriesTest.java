package dev.aftersales.intake.complaint.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.intake.complaint.domain.Milestone;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineEntriesTest {

    static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");

    @Test
    void an_assignment_names_the_rule_the_reason_and_the_technician() {
        var entry = TimelineEntries.of(new TechnicianAssigned(
                "ASG-C-1",
                "C-1",
                "T-001",
                "D-SH",
                AssignmentRule.ORIGINAL_INSTALLER,
                "installed WP-0001 on 2024-05-03",
                AT));

        assertThat(entry.at()).isEqualTo(AT);
        assertThat(entry.what()).isEqualTo(Milestone.TECHNICIAN_ASSIGNED);
        assertThat(entry.detail()).isEqualTo("ORIGINAL_INSTALLER: installed WP-0001 on 2024-05-03");
        assertThat(entry.technicianId()).isEqualTo("T-001");
    }

    @Test
    void an_escalation_without_a_reason_still_says_why_it_waits() {
        var entry = TimelineEntries.of(new AssignmentEscalated("ASG-C-1", "C-1", null, AT));

        assertThat(entry.what()).isEqualTo(Milestone.ASSIGNMENT_ESCALATED);
        assertThat(entry.detail()).isEqualTo("no technician found");
        assertThat(entry.technicianId()).isNull();
    }

    @Test
    void parts_entries_say_which_part_how_many_and_when_it_is_ready() {
        var reserved = TimelineEntries.of(new PartsReserved(
                "R-1", "C-1", "ASG-C-1", "FLT-RO-01", 2, "D-SH", ReservationSource.OWN_DEALER, AT, AT));
        var backordered = TimelineEntries.of(new PartsBackordered("R-2", "C-1", "ASG-C-1", "PUMP-01", 1, null, AT));

        assertThat(reserved.detail()).isEqualTo("FLT-RO-01 x2 reserved at D-SH (OWN_DEALER), ready " + AT);
        assertThat(backordered.detail()).isEqualTo("PUMP-01 x1 backordered, no date yet");
    }

    @Test
    void a_visit_says_whether_it_fixed_the_fault_and_keeps_the_diagnosis_as_written() {
        var entry = TimelineEntries.of(new VisitCompleted(
                "ASG-C-1",
                "C-1",
                "T-001",
                "D-SH",
                "WP-0001",
                "滤芯密封圈老化",
                "WEAR",
                List.of(new PartLine("FLT-RO-01", 1)),
                BigDecimal.ZERO,
                false,
                AT));

        assertThat(entry.detail()).isEqualTo("not fixed: 滤芯密封圈老化");
        assertThat(entry.technicianId()).isEqualTo("T-001");
    }

    @Test
    void a_fee_quote_says_free_in_warranty_and_the_parts_of_the_total_otherwise() {
        var free = TimelineEntries.of(new dev.aftersales.contracts.dispatch.FeeQuoted(
                "ASG-C-1", "C-1", true, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, AT));
        var paid = TimelineEntries.of(new dev.aftersales.contracts.dispatch.FeeQuoted(
                "ASG-C-1",
                "C-1",
                false,
                new BigDecimal("50"),
                new BigDecimal("80"),
                new BigDecimal("120.50"),
                new BigDecimal("250.50"),
                AT));

        assertThat(free.what()).isEqualTo(Milestone.FEE_QUOTED);
        assertThat(free.detail()).isEqualTo("in warranty, free");
        assertThat(paid.detail()).isEqualTo("total 250.50 (door 50, labour 80, parts 120.50)");
    }

    @Test
    void a_declined_offer_says_whether_it_timed_out() {
        var entry = TimelineEntries.of(
                new dev.aftersales.contracts.dispatch.AssignmentDeclined("ASG-C-1", "C-1", "T-001", null, true, AT));

        assertThat(entry.what()).isEqualTo(Milestone.ASSIGNMENT_DECLINED);
        assertThat(entry.detail()).isEqualTo("offer timed out");
        assertThat(entry.technicianId()).isEqualTo("T-001");
    }

    @Test
    void a_return_call_names_the_agent_who_made_it() {
        var entry = TimelineEntries.of(new dev.aftersales.contracts.followup.ReturnCallMade(
                "RC-1", "C-1", dev.aftersales.contracts.followup.CallOutcome.NO_ANSWER, 2, "agent-9", AT));

        assertThat(entry.what()).isEqualTo(Milestone.RETURN_CALL_MADE);
        assertThat(entry.detail()).isEqualTo("attempt 2: NO_ANSWER");
        assertThat(entry.by()).isEqualTo("agent-9");
    }
}
