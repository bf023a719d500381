package dev.aftersales.dispatch.assignment.application;

import static dev.aftersales.dispatch.assignment.application.AssignTechnicianTest.delivery;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.installation;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.raised;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintReopened;
import dev.aftersales.dispatch.DefaultDispatchProperties;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.InMemoryInstallations;
import dev.aftersales.dispatch.archive.domain.InMemoryServicePoints;
import dev.aftersales.dispatch.archive.domain.InMemoryTechnicians;
import dev.aftersales.dispatch.assignment.domain.AssignmentPolicy;
import dev.aftersales.dispatch.assignment.domain.InMemoryAssignments;
import dev.aftersales.dispatch.assignment.domain.InMemoryKnownCases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reopened cases get a new round, the original installer first again; repeat visits are marked. */
class ReopenAndRepeatVisitTest {

    final InMemoryAssignments assignments = new InMemoryAssignments();
    final InMemoryInstallations installations = new InMemoryInstallations();
    final InMemoryTechnicians technicians = new InMemoryTechnicians();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AssignmentMetrics metrics = new AssignmentMetrics(meters);
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:05Z"));
    final DispatchProperties properties = DefaultDispatchProperties.get();
    final AssignmentPolicy policy = new AssignmentPolicy(installations, technicians, new InMemoryServicePoints());
    final OwnAssignments own = new OwnAssignments(assignments);
    final InMemoryKnownCases knownCases = new InMemoryKnownCases();
    final AssignTechnician assign =
            new AssignTechnician(assignments, knownCases, policy, technicians, clock, metrics, properties);
    final ReopenAssignment reopen =
            new ReopenAssignment(assignments, knownCases, technicians, policy, clock, properties);
    final CompleteVisit complete =
            new CompleteVisit(assignments, own, technicians, clock, metrics, installations, properties);

    @BeforeEach
    void archive() {
        installations.add(installation("WP-0001", "D-SH", "T-001"));
        installations.add(installation("WP-0002", "D-SH", "T-001"));
        technicians.upsert(technician("T-001", "D-SH", true, 0));
        technicians.upsert(technician("T-002", "D-SH", true, 0));
    }

    @Test
    void a_case_settled_by_phone_gets_no_assignment() {
        var r = registered("C-9", "WP-0001");
        var settled = new ComplaintRegistered(
                r.complaintId(),
                r.kind(),
                r.channel(),
                r.serialNumber(),
                r.model(),
                r.symptoms(),
                r.customerRequest(),
                r.contact(),
                r.takenBy(),
                r.registeredAt(),
                r.firstAnswerDue(),
                r.onSiteDue(),
                r.resolutionDue(),
                r.priority(),
                true,
                null,
                null);

        assign.assign(delivery("e-9", settled));

        assertThat(assignments.byId("ASG-C-9")).isEmpty();
    }

    @Test
    void a_reopened_case_gets_a_new_round_for_the_original_installer_once() {
        assign.assign(delivery("e-1", registered("C-1", "WP-0001")));
        complete.complete(command("ASG-C-1"));
        clock.advance(Duration.ofDays(3));

        reopen.reopen(reopened("e-2", "C-1", 2));
        reopen.reopen(reopened("e-2", "C-1", 2));
        reopen.reopen(reopened("e-3", "C-1", 2));

        var round2 = assignments.byId("ASG-C-1-R2").orElseThrow();
        assertThat(round2.technicianId()).isEqualTo("T-001");
        assertThat(round2.rule()).isEqualTo(AssignmentRule.ORIGINAL_INSTALLER);
        assertThat(round2.contact())
                .isEqualTo(assignments.byId("ASG-C-1").orElseThrow().contact());
        assertThat(raised(round2, TechnicianAssigned.class))
                .singleElement()
                .satisfies(e -> assertThat(e.assignmentId()).isEqualTo("ASG-C-1-R2"));
        assertThat(assignments.writes)
                .filteredOn(a -> a.id().equals("ASG-C-1-R2"))
                .hasSize(1);
    }

    @Test
    void a_visit_within_30_days_of_a_completed_one_on_the_same_machine_is_a_repeat_visit() {
        assign.assign(delivery("e-1", registered("C-1", "WP-0001")));
        complete.complete(command("ASG-C-1"));
        clock.advance(Duration.ofDays(29));
        assign.assign(delivery("e-2", registered("C-2", "WP-0001")));
        assign.assign(delivery("e-3", registered("C-3", "WP-0002")));

        var repeat = complete.complete(command("ASG-C-2"));
        var other = complete.complete(command("ASG-C-3"));
        clock.advance(Duration.ofDays(31));
        assign.assign(delivery("e-4", registered("C-4", "WP-0001")));
        var later = complete.complete(command("ASG-C-4"));

        assertThat(assignments.byId("ASG-C-1").orElseThrow().repeatVisit()).isFalse();
        assertThat(repeat.repeatVisit()).isTrue();
        assertThat(other.repeatVisit()).isFalse();
        assertThat(later.repeatVisit()).isFalse();
        assertThat(meters.get("aftersales.visits.first-time-fix")
                        .tag("outcome", "NOT_FIRST_TIME_FIX")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void a_reopened_fee_dispute_goes_back_to_the_supervisor_without_a_visit() {
        var r = registered("C-7", "WP-0001");
        var dispute = new ComplaintRegistered(
                r.complaintId(),
                ComplaintKind.FEE_DISPUTE,
                r.channel(),
                r.serialNumber(),
                r.model(),
                r.symptoms(),
                r.customerRequest(),
                r.contact(),
                r.takenBy(),
                r.registeredAt(),
                r.firstAnswerDue(),
                r.onSiteDue(),
                r.resolutionDue());
        assign.assign(delivery("e-7", dispute));

        reopen.reopen(reopened("e-8", "C-7", 2));

        assertThat(assignments.ofComplaint("C-7")).isEmpty();
    }

    static CompleteVisitCommand command(String assignmentId) {
        return new CompleteVisitCommand("T-001", assignmentId, "RO膜破损", "水压过高", List.of(), BigDecimal.ZERO, true);
    }

    ReceivedEvent<ComplaintReopened> reopened(String eventId, String complaintId, int round) {
        var event = new ComplaintReopened(complaintId, round, "WP-0001", "还是漏水", clock.instant());
        return new ReceivedEvent<>(
                eventId,
                "aftersales.intake.ComplaintReopened.v1",
                "/aftersales/intake",
                complaintId,
                Instant.now(),
                event);
    }
}
