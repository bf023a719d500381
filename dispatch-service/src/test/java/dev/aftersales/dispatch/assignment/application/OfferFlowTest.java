package dev.aftersales.dispatch.assignment.application;

import static dev.aftersales.dispatch.assignment.application.AssignTechnicianTest.delivery;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.installation;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.raised;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.contracts.dispatch.AssignmentDeclined;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.dispatch.DefaultDispatchProperties;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.InMemoryInstallations;
import dev.aftersales.dispatch.archive.domain.InMemoryServicePoints;
import dev.aftersales.dispatch.archive.domain.InMemoryTechnicians;
import dev.aftersales.dispatch.assignment.domain.AssignmentPolicy;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.InMemoryAssignments;
import dev.aftersales.dispatch.assignment.domain.InMemoryKnownCases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offer, accept, decline and timeout through the use cases, on in-memory stores. */
class OfferFlowTest {

    final InMemoryAssignments assignments = new InMemoryAssignments();
    final InMemoryInstallations installations = new InMemoryInstallations();
    final InMemoryTechnicians technicians = new InMemoryTechnicians();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AssignmentMetrics metrics = new AssignmentMetrics(meters);
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:05Z"));
    final DispatchProperties properties = DefaultDispatchProperties.get();
    final AssignmentPolicy policy = new AssignmentPolicy(installations, technicians, new InMemoryServicePoints());
    final OwnAssignments own = new OwnAssignments(assignments);
    final OfferNextCandidate offerNext =
            new OfferNextCandidate(assignments, technicians, policy, clock, properties, metrics);
    final AssignTechnician assign = new AssignTechnician(
            assignments, new InMemoryKnownCases(), policy, technicians, clock, metrics, properties);
    final AcceptAssignment accept = new AcceptAssignment(assignments, own, clock, metrics);
    final DeclineAssignment decline = new DeclineAssignment(own, offerNext);
    final ExpireOffers expireOffers = new ExpireOffers(assignments, offerNext, clock, properties);

    @BeforeEach
    void archive() {
        installations.add(installation("WP-0001", "D-SH", "T-001"));
        technicians.upsert(technician("T-001", "D-SH", true, 0));
        technicians.upsert(technician("T-002", "D-SH", true, 0));
        technicians.upsert(technician("T-003", "D-SH", true, 1));
        assign.assign(delivery("e-1", registered("C-1", "WP-0001")));
    }

    @Test
    void a_decline_moves_the_case_to_the_next_candidate_and_the_load_with_it() {
        decline.decline("T-001", "ASG-C-1", DeclineReason.TOO_FAR, "in another town today");

        var assignment = assignments.byId("ASG-C-1").orElseThrow();
        assertThat(assignment.technicianId()).isEqualTo("T-002");
        assertThat(assignment.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
        assertThat(raised(assignment, AssignmentDeclined.class))
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("TOO_FAR: in another town today"));
        assertThat(technicians.loadOf("T-001")).isZero();
        assertThat(technicians.loadOf("T-002")).isEqualTo(1);
        assertThat(own.list("T-001")).isEmpty();
        assertThat(meters.get("aftersales.assignments.offers")
                        .tag("outcome", "DECLINED")
                        .tag("reason", "TOO_FAR")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void a_timeout_moves_the_case_on_only_once_it_is_due() {
        clock.advance(Duration.ofMinutes(14));
        assertThat(expireOffers.sweep()).isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(expireOffers.sweep()).isEqualTo(1);
        assertThat(expireOffers.sweep()).isZero();

        var assignment = assignments.byId("ASG-C-1").orElseThrow();
        assertThat(assignment.technicianId()).isEqualTo("T-002");
        assertThat(raised(assignment, AssignmentDeclined.class)).singleElement().satisfies(d -> {
            assertThat(d.timedOut()).isTrue();
            assertThat(d.technicianId()).isEqualTo("T-001");
        });
    }

    @Test
    void declines_and_timeouts_walk_down_the_chain_until_nobody_is_left() {
        decline.decline("T-001", "ASG-C-1", DeclineReason.FULLY_BOOKED, null);
        clock.advance(Duration.ofMinutes(15));
        expireOffers.sweep();
        decline.decline("T-003", "ASG-C-1", DeclineReason.OFF_DUTY, null);

        var assignment = assignments.byId("ASG-C-1").orElseThrow();
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ESCALATED);
        assertThat(assignment.passedOver()).containsExactly("T-001", "T-002", "T-003");
        assertThat(raised(assignment, TechnicianAssigned.class))
                .extracting(TechnicianAssigned::technicianId)
                .containsExactly("T-001", "T-002", "T-003");
        assertThat(raised(assignment, AssignmentEscalated.class)).hasSize(1);
        assertThat(technicians.loadOf("T-001") + technicians.loadOf("T-002")).isZero();
        assertThat(technicians.loadOf("T-003")).isEqualTo(1);
    }

    @Test
    void an_accepted_offer_neither_times_out_nor_can_be_declined() {
        accept.accept("T-001", "ASG-C-1");
        clock.advance(Duration.ofHours(1));

        assertThat(expireOffers.sweep()).isZero();
        assertThatThrownBy(() -> decline.decline("T-001", "ASG-C-1", DeclineReason.OTHER, null))
                .isInstanceOf(ConflictException.class);
        assertThat(assignments.byId("ASG-C-1").orElseThrow().technicianId()).isEqualTo("T-001");
    }

    @Test
    void the_previous_holder_can_no_longer_accept_a_case_passed_on() {
        clock.advance(Duration.ofMinutes(15));
        expireOffers.sweep();

        assertThatThrownBy(() -> accept.accept("T-001", "ASG-C-1")).isInstanceOf(NotFoundException.class);
        assertThat(accept.accept("T-002", "ASG-C-1").accepted()).isTrue();
    }
}
