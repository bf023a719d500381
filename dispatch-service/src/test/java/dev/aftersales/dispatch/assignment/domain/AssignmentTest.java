package dev.aftersales.dispatch.assignment.domain;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.installation;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.raised;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.intake.Priority;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:01:00Z");

    static Assignment assignedToT001() {
        var decision = Decision.assign(
                installation("WP-0001", "D-SH", "T-001"),
                technician("T-001", "D-SH", true, 0),
                AssignmentRule.ORIGINAL_INSTALLER,
                "original installer of WP-0001 (installed 2024-05-03)");
        return Assignment.open(registered("C-1", "WP-0001"), decision, NOW);
    }

    @Test
    void an_assignment_is_named_after_its_complaint() {
        assertThat(assignedToT001().id()).isEqualTo("ASG-C-1");
    }

    @Test
    void opening_with_a_technician_raises_technician_assigned_and_keeps_the_case_contact() {
        var assignment = assignedToT001();

        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ASSIGNED);
        assertThat(assignment.contact().phone()).isEqualTo("13812345678");
        assertThat(assignment.site().regionCode()).isEqualTo("310115");
        assertThat(raised(assignment, TechnicianAssigned.class))
                .containsExactly(new TechnicianAssigned(
                        "ASG-C-1",
                        "C-1",
                        "T-001",
                        "D-SH",
                        AssignmentRule.ORIGINAL_INSTALLER,
                        "original installer of WP-0001 (installed 2024-05-03)",
                        NOW,
                        Priority.NORMAL,
                        null,
                        null,
                        null));
        assertThat(Outbox.of(assignment.events()).pending())
                .allMatch(e -> e.key().equals("C-1"));
    }

    @Test
    void opening_an_escalation_raises_assignment_escalated_and_belongs_to_nobody() {
        var assignment = Assignment.open(
                registered("C-2", "WP-9999"), Decision.escalate(null, "no installation record for WP-9999"), NOW);

        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ESCALATED);
        assertThat(assignment.technicianId()).isNull();
        assertThat(assignment.isOwnedBy(null)).isFalse();
        assertThat(raised(assignment, AssignmentEscalated.class))
                .containsExactly(new AssignmentEscalated("ASG-C-2", "C-2", "no installation record for WP-9999", NOW));
        assertThat(raised(assignment, TechnicianAssigned.class)).isEmpty();
        assertThatThrownBy(() -> assignment.requestParts("R-1", "FLT-RO-01", 1, NOW))
                .isInstanceOf(AssignmentNotOpenException.class);
    }

    @Test
    void a_parts_request_names_the_technicians_dealer_and_shows_as_requested() {
        var assignment = assignedToT001();

        assignment.requestParts("R-1", "FLT-RO-01", 2, NOW);

        assertThat(raised(assignment, PartsRequested.class))
                .containsExactly(new PartsRequested("R-1", "C-1", "ASG-C-1", "T-001", "D-SH", "FLT-RO-01", 2, NOW));
        assertThat(assignment.parts())
                .containsExactly(new PartRequest("R-1", "FLT-RO-01", 2, PartStatus.REQUESTED, null, null));
    }

    @Test
    void a_parts_request_with_an_id_seen_before_changes_nothing() {
        var assignment = assignedToT001();
        var first = assignment.requestParts("R-1", "FLT-RO-01", 2, NOW);

        var again = assignment.requestParts("R-1", "FLT-RO-01", 2, NOW.plusSeconds(5));

        assertThat(again).isEqualTo(first);
        assertThat(raised(assignment, PartsRequested.class)).hasSize(1);
        assertThat(assignment.parts()).hasSize(1);
    }

    @Test
    void the_latest_parts_outcome_replaces_the_request() {
        var assignment = assignedToT001();
        assignment.requestParts("R-1", "FLT-RO-01", 2, NOW);

        assignment.recordPartsOutcome(new PartRequest("R-1", "FLT-RO-01", 2, PartStatus.BACKORDERED, null, null));
        assignment.recordPartsOutcome(new PartRequest("R-1", "FLT-RO-01", 2, PartStatus.RESERVED, "D-SH", NOW));

        assertThat(assignment.parts())
                .containsExactly(new PartRequest("R-1", "FLT-RO-01", 2, PartStatus.RESERVED, "D-SH", NOW));
    }

    @Test
    void completing_raises_visit_completed_once_and_refuses_a_second_completion() {
        var assignment = assignedToT001();
        var report = new Visit(
                "膜堵塞", "水质差", List.of(new PartLine("FLT-RO-01", 1)), BigDecimal.ZERO, true, NOW.plusSeconds(3600));

        assignment.complete(report);

        assertThat(assignment.status()).isEqualTo(AssignmentStatus.COMPLETED);
        assertThat(raised(assignment, VisitCompleted.class)).singleElement().satisfies(v -> {
            assertThat(v.serialNumber()).isEqualTo("WP-0001");
            assertThat(v.dealerId()).isEqualTo("D-SH");
            assertThat(v.partsUsed()).containsExactly(new PartLine("FLT-RO-01", 1));
            assertThat(v.fixed()).isTrue();
        });
        assertThatThrownBy(() -> assignment.complete(report))
                .isInstanceOf(AssignmentNotOpenException.class)
                .hasMessageContaining("already completed");
        assertThat(raised(assignment, VisitCompleted.class)).hasSize(1);
    }

    @Test
    void only_the_assigned_technician_owns_it() {
        var assignment = assignedToT001();

        assertThat(assignment.isOwnedBy("T-001")).isTrue();
        assertThat(assignment.isOwnedBy("T-002")).isFalse();
    }
}
