package dev.aftersales.dispatch.assignment.domain;

import static dev.aftersales.dispatch.assignment.domain.AssignmentTest.NOW;
import static dev.aftersales.dispatch.assignment.domain.AssignmentTest.assignedToT001;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.installation;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.raised;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.contracts.dispatch.AppointmentBroken;
import dev.aftersales.contracts.dispatch.AppointmentRescheduled;
import dev.aftersales.contracts.dispatch.AppointmentSet;
import dev.aftersales.contracts.dispatch.AssignmentAccepted;
import dev.aftersales.contracts.dispatch.AssignmentDeclined;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.TechnicianArrived;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OfferAndAppointmentTest {

    static final Duration TIMEOUT = Duration.ofMinutes(15);
    static final Duration NOTICE = Duration.ofHours(2);
    static final Instant WINDOW_START = NOW.plus(Duration.ofHours(6));
    static final Appointment WINDOW = new Appointment(WINDOW_START, WINDOW_START.plus(Duration.ofHours(2)));
    static final Appointment LATER = new Appointment(
            WINDOW_START.plus(Duration.ofDays(1)),
            WINDOW_START.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)));

    static Decision colleague(String technicianId) {
        return Decision.assign(
                installation("WP-0001", "D-SH", "T-001"),
                technician(technicianId, "D-SH", true, 0),
                AssignmentRule.DEALER_COLLEAGUE,
                "colleague");
    }

    @Test
    void a_new_assignment_is_an_offer_that_expires_after_the_timeout() {
        var assignment = assignedToT001();

        assertThat(assignment.accepted()).isFalse();
        assertThat(assignment.offerExpiresAt()).isEqualTo(NOW.plus(TIMEOUT));
        assertThat(assignment.offerExpiredAt(NOW.plus(TIMEOUT).minusSeconds(1))).isFalse();
        assertThat(assignment.offerExpiredAt(NOW.plus(TIMEOUT))).isTrue();
    }

    @Test
    void accepting_raises_assignment_accepted_once_and_stops_the_offer_timer() {
        var assignment = assignedToT001();

        assertThat(assignment.accept(NOW.plusSeconds(60))).isTrue();
        assertThat(assignment.accept(NOW.plusSeconds(90))).isFalse();

        assertThat(raised(assignment, AssignmentAccepted.class))
                .containsExactly(new AssignmentAccepted("ASG-C-1", "C-1", "T-001", NOW.plusSeconds(60)));
        assertThat(assignment.offerExpiredAt(NOW.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void declining_offers_the_case_to_the_next_candidate_and_remembers_who_passed() {
        var assignment = assignedToT001();
        var at = NOW.plusSeconds(120);

        assignment.passOn("TOO_FAR", false, colleague("T-002"), at, TIMEOUT);

        assertThat(assignment.technicianId()).isEqualTo("T-002");
        assertThat(assignment.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
        assertThat(assignment.passedOver()).containsExactly("T-001");
        assertThat(assignment.offerExpiresAt()).isEqualTo(at.plus(TIMEOUT));
        assertThat(raised(assignment, AssignmentDeclined.class))
                .containsExactly(new AssignmentDeclined("ASG-C-1", "C-1", "T-001", "TOO_FAR", false, at));
        assertThat(raised(assignment, TechnicianAssigned.class))
                .extracting(TechnicianAssigned::technicianId)
                .containsExactly("T-001", "T-002");
        assertThat(assignment.passedOverWith(assignment.technicianId())).containsExactly("T-001", "T-002");
    }

    @Test
    void a_timeout_with_nobody_left_escalates_the_case() {
        var assignment = assignedToT001();
        var at = NOW.plus(TIMEOUT);

        assignment.passOn(
                "TIMED_OUT", true, Decision.escalate(installation("WP-0001", "D-SH", "T-001"), "nobody"), at, TIMEOUT);

        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ESCALATED);
        assertThat(assignment.technicianId()).isNull();
        assertThat(assignment.offerExpiresAt()).isNull();
        assertThat(raised(assignment, AssignmentDeclined.class).get(0).timedOut())
                .isTrue();
        assertThat(raised(assignment, AssignmentEscalated.class)).hasSize(1);
    }

    @Test
    void an_accepted_assignment_cannot_be_declined() {
        var assignment = assignedToT001();
        assignment.accept(NOW);

        assertThatThrownBy(() -> assignment.passOn("OTHER", false, colleague("T-002"), NOW, TIMEOUT))
                .isInstanceOf(AssignmentNotOpenException.class);
    }

    @Test
    void working_on_an_offer_accepts_it_implicitly_without_an_event() {
        var assignment = assignedToT001();

        assignment.requestParts("r-1", "FLT-RO-01", 1, NOW.plusSeconds(30));

        assertThat(assignment.accepted()).isTrue();
        assertThat(assignment.offerExpiredAt(NOW.plus(Duration.ofDays(1)))).isFalse();
        assertThat(raised(assignment, AssignmentAccepted.class)).isEmpty();
    }

    @Test
    void setting_a_window_raises_appointment_set() {
        var assignment = assignedToT001();

        assertThat(assignment.setAppointment(WINDOW, NOW, NOTICE)).isNull();

        assertThat(raised(assignment, AppointmentSet.class))
                .containsExactly(
                        new AppointmentSet("ASG-C-1", "C-1", "T-001", WINDOW.windowStart(), WINDOW.windowEnd(), NOW));
    }

    @Test
    void a_reschedule_three_hours_before_the_window_is_with_notice() {
        var assignment = assignedToT001();
        assignment.setAppointment(WINDOW, NOW, NOTICE);
        var at = WINDOW_START.minus(Duration.ofHours(3));

        assertThat(assignment.setAppointment(LATER, at, NOTICE)).isEqualTo(AppointmentOutcome.WITH_NOTICE);

        assertThat(raised(assignment, AppointmentRescheduled.class))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.withNotice()).isTrue();
                    assertThat(r.previousStart()).isEqualTo(WINDOW.windowStart());
                    assertThat(r.windowStart()).isEqualTo(LATER.windowStart());
                });
        assertThat(raised(assignment, AppointmentBroken.class)).isEmpty();
        assertThat(assignment.appointmentDueAt()).isEqualTo(LATER.windowEnd());
    }

    @Test
    void a_reschedule_exactly_two_hours_before_still_counts_as_with_notice() {
        var assignment = assignedToT001();
        assignment.setAppointment(WINDOW, NOW, NOTICE);

        assertThat(assignment.setAppointment(LATER, WINDOW_START.minus(NOTICE), NOTICE))
                .isEqualTo(AppointmentOutcome.WITH_NOTICE);
    }

    @Test
    void a_reschedule_one_hour_before_the_window_breaks_the_appointment() {
        var assignment = assignedToT001();
        assignment.setAppointment(WINDOW, NOW, NOTICE);
        var at = WINDOW_START.minus(Duration.ofHours(1));

        assertThat(assignment.setAppointment(LATER, at, NOTICE)).isEqualTo(AppointmentOutcome.BROKEN);

        assertThat(raised(assignment, AppointmentRescheduled.class).get(0).withNotice())
                .isFalse();
        assertThat(raised(assignment, AppointmentBroken.class)).singleElement().satisfies(b -> {
            assertThat(b.windowStart()).isEqualTo(WINDOW.windowStart());
            assertThat(b.dealerId()).isEqualTo("D-SH");
            assertThat(b.brokenAt()).isEqualTo(at);
        });
    }

    @Test
    void no_arrival_by_the_window_end_breaks_the_appointment_once() {
        var assignment = assignedToT001();
        assignment.setAppointment(WINDOW, NOW, NOTICE);

        assertThat(assignment.appointmentMissedAt(WINDOW.windowEnd().minusSeconds(1)))
                .isFalse();
        assertThat(assignment.breakMissedAppointment(WINDOW.windowEnd())).isTrue();
        assertThat(assignment.breakMissedAppointment(WINDOW.windowEnd().plusSeconds(60)))
                .isFalse();

        assertThat(raised(assignment, AppointmentBroken.class))
                .singleElement()
                .satisfies(b -> assertThat(b.reason()).isEqualTo("nobody arrived by the window's end"));
    }

    @Test
    void arriving_within_the_window_keeps_the_appointment_and_raises_technician_arrived_once() {
        var assignment = assignedToT001();
        assignment.setAppointment(WINDOW, NOW, NOTICE);
        var at = WINDOW_START.plus(Duration.ofMinutes(30));

        assertThat(assignment.arrive(at)).isEqualTo(AppointmentOutcome.KEPT);
        assertThat(assignment.arrive(at.plusSeconds(5))).isNull();

        assertThat(raised(assignment, TechnicianArrived.class))
                .containsExactly(new TechnicianArrived("ASG-C-1", "C-1", "T-001", at));
        assertThat(assignment.appointmentMissedAt(WINDOW.windowEnd().plusSeconds(1)))
                .isFalse();
    }

    @Test
    void arriving_after_the_window_end_breaks_it() {
        var assignment = assignedToT001();
        assignment.setAppointment(WINDOW, NOW, NOTICE);

        assertThat(assignment.arrive(WINDOW.windowEnd().plusSeconds(60))).isEqualTo(AppointmentOutcome.BROKEN);
        assertThat(raised(assignment, AppointmentBroken.class)).hasSize(1);
        assertThat(raised(assignment, TechnicianArrived.class)).hasSize(1);
    }
}
