package dev.aftersales.dispatch.assignment.application;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.installation;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.raised;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.dispatch.DefaultDispatchProperties;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.InMemoryInstallations;
import dev.aftersales.dispatch.archive.domain.InMemoryServicePoints;
import dev.aftersales.dispatch.archive.domain.InMemoryTechnicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentPolicy;
import dev.aftersales.dispatch.assignment.domain.InMemoryAssignments;
import dev.aftersales.dispatch.assignment.domain.InMemoryKnownCases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssignTechnicianTest {

    final InMemoryAssignments assignments = new InMemoryAssignments();
    final InMemoryInstallations installations = new InMemoryInstallations();
    final InMemoryTechnicians technicians = new InMemoryTechnicians();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AssignmentMetrics metrics = new AssignmentMetrics(meters);
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:05Z"));

    final AssignmentPolicy policy = new AssignmentPolicy(installations, technicians, new InMemoryServicePoints());
    final DispatchProperties properties = DefaultDispatchProperties.get();

    AssignTechnician assignTechnician = new AssignTechnician(
            assignments, new InMemoryKnownCases(), policy, technicians, clock, metrics, properties);

    @BeforeEach
    void archive() {
        installations.add(installation("WP-0001", "D-SH", "T-001"));
        technicians.upsert(technician("T-001", "D-SH", true, 0));
    }

    static ReceivedEvent<ComplaintRegistered> delivery(String eventId, ComplaintRegistered complaint) {
        return new ReceivedEvent<>(
                eventId,
                "aftersales.intake.ComplaintRegistered.v1",
                "/aftersales/intake",
                complaint.complaintId(),
                Instant.now(),
                complaint);
    }

    double made(String rule) {
        return meters.get("aftersales.assignments.made")
                .tag("rule", rule)
                .counter()
                .count();
    }

    @Test
    void assigns_the_original_installer_and_counts_the_load_and_the_rule() {
        assignTechnician.assign(delivery("e-1", registered("C-1", "WP-0001")));

        var assignment = assignments.byId("ASG-C-1").orElseThrow();
        assertThat(raised(assignment, TechnicianAssigned.class))
                .singleElement()
                .satisfies(e -> assertThat(e.assignedAt()).isEqualTo(clock.instant()));
        assertThat(technicians.loadOf("T-001")).isEqualTo(1);
        assertThat(made("ORIGINAL_INSTALLER")).isEqualTo(1);
    }

    @Test
    void a_registration_delivered_twice_makes_one_assignment_with_one_event() {
        var event = delivery("e-1", registered("C-1", "WP-0001"));

        assignTechnician.assign(event);
        assignTechnician.assign(event);
        assignTechnician.assign(delivery(UUID.randomUUID().toString(), registered("C-1", "WP-0001")));

        assertThat(assignments.writes).hasSize(1);
        assertThat(raised(assignments.byId("ASG-C-1").orElseThrow(), TechnicianAssigned.class))
                .hasSize(1);
        assertThat(technicians.loadOf("T-001")).isEqualTo(1);
        assertThat(made("ORIGINAL_INSTALLER")).isEqualTo(1);
    }

    @Test
    void an_assignment_another_delivery_inserted_meanwhile_is_left_as_it_is() {
        // The read sees nothing, yet the insert finds the id taken: a delivery on another
        // instance, or the same event again after a restart, won the race.
        var racing = new InMemoryAssignments() {
            @Override
            public Optional<Assignment> byId(String assignmentId) {
                return Optional.empty();
            }
        };
        var assign =
                new AssignTechnician(racing, new InMemoryKnownCases(), policy, technicians, clock, metrics, properties);
        assign.assign(delivery("e-1", registered("C-1", "WP-0001")));

        assign.assign(delivery("e-1", registered("C-1", "WP-0001")));

        assertThat(racing.writes).hasSize(1);
        assertThat(technicians.loadOf("T-001")).isEqualTo(1);
        assertThat(made("ORIGINAL_INSTALLER")).isEqualTo(1);
    }

    @Test
    void an_unknown_machine_is_escalated_and_loads_nobody() {
        assignTechnician.assign(delivery("e-2", registered("C-2", "WP-9999")));

        var assignment = assignments.byId("ASG-C-2").orElseThrow();
        assertThat(raised(assignment, AssignmentEscalated.class))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("no installation record for WP-9999"));
        assertThat(technicians.loadOf("T-001")).isZero();
        assertThat(made("ESCALATED")).isEqualTo(1);
    }
}
