package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.WithdrawalReason;
import dev.aftersales.dispatch.assignment.domain.AppointmentOutcome;
import dev.aftersales.dispatch.assignment.domain.Decision;
import dev.aftersales.dispatch.assignment.domain.WithdrawalOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * What the assignment use cases count, under the names the dashboards and alert rules read. Tags
 * are bounded: rules, outcomes, reasons, dealer and technician ids (master data, not customer data).
 */
@Component
class AssignmentMetrics {

    private final MeterRegistry meters;
    private final Timer timeToAssign;

    AssignmentMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.timeToAssign = Timer.builder("aftersales.assignments.time-to-assign")
                .description("From the case's registration to the rule chain's decision")
                // Seconds when the original installer is known; minutes when offers time out down the chain.
                .serviceLevelObjectives(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(30),
                        Duration.ofHours(1),
                        Duration.ofHours(2),
                        Duration.ofHours(4))
                .register(meters);
        // At zero from the start: the dashboards show the rate of each rule and of visit outcomes.
        Stream.concat(Arrays.stream(AssignmentRule.values()).map(Enum::name), Stream.of(Decision.ESCALATED))
                .forEach(this::made);
        visitsCompleted(true);
        visitsCompleted(false);
    }

    /** The rule chain decided a case, on registration or after a technician passed it on. */
    void decided(Decision decision) {
        made(decision.outcome()).increment();
    }

    void timeToAssign(Duration sinceRegistration) {
        timeToAssign.record(sinceRegistration);
    }

    void offerAccepted(String dealerId) {
        offers("ACCEPTED", "NONE", dealerId).increment();
    }

    /** @param reason the {@link DeclineReason} name, or {@code TIMED_OUT} */
    void offerPassedOn(boolean timedOut, String reason, String dealerId) {
        offers(timedOut ? "TIMED_OUT" : "DECLINED", reason, dealerId).increment();
    }

    /** What became of an appointment window; nothing when there was none before. */
    void appointment(AppointmentOutcome outcome, String dealerId, String technicianId) {
        if (outcome == null) {
            return;
        }
        Counter.builder("aftersales.appointments")
                .description("Appointments kept, moved with notice, or broken")
                .tag("outcome", outcome.name())
                .tag("dealer", String.valueOf(dealerId))
                .tag("technician", String.valueOf(technicianId))
                .register(meters)
                .increment();
    }

    void arrived(boolean onSiteSlaMet, String dealerId, Duration sinceDecision) {
        var sla = onSiteSlaMet ? "MET" : "MISSED";
        // No dealer tag: a histogram per dealer would cost a series per bucket per dealer; per-dealer
        // punctuality is the arrivals counter below.
        Timer.builder("aftersales.visits.time-to-arrive")
                .description("From the rule chain's decision to the technician on site, by the on-site SLA")
                .tag("sla", sla)
                // 6 h is the target, 24 h the promise (domain.md, service levels).
                .serviceLevelObjectives(
                        Duration.ofHours(1),
                        Duration.ofHours(2),
                        Duration.ofHours(4),
                        Duration.ofHours(6),
                        Duration.ofHours(12),
                        Duration.ofHours(24),
                        Duration.ofHours(48),
                        Duration.ofHours(72))
                .register(meters)
                .record(sinceDecision);
        Counter.builder("aftersales.visits.arrived")
                .tag("sla", sla)
                .tag("dealer", String.valueOf(dealerId))
                .register(meters)
                .increment();
    }

    /** A repeat visit never counts as fixed the first time, whatever the technician reports. */
    void visitCompleted(boolean fixed, boolean repeatVisit, String dealerId) {
        visitsCompleted(fixed).increment();
        Counter.builder("aftersales.visits.first-time-fix")
                .description("Completed visits: fixed at the first visit, or not (not fixed, or a repeat visit)")
                .tag("outcome", fixed && !repeatVisit ? "FIRST_TIME_FIX" : "NOT_FIRST_TIME_FIX")
                .tag("dealer", String.valueOf(dealerId))
                .register(meters)
                .increment();
    }

    /** A case's open assignment was withdrawn (cancelled, or waiting for the technician on site). */
    void withdrawn(WithdrawalReason reason, WithdrawalOutcome outcome) {
        Counter.builder("aftersales.assignments.withdrawn")
                .description("Open assignments withdrawn because the case was settled, closed, merged or cancelled")
                .tag("reason", reason.name())
                .tag("outcome", outcome.name())
                .register(meters)
                .increment();
    }

    /** A dispatcher gave a case to a technician by hand, handed it to a service point or re-ran the chain. */
    void dispatcherActed(String action) {
        Counter.builder("aftersales.assignments.dispatcher-actions")
                .description("What dispatchers did by hand: MANUAL, SERVICE_POINT hand-over, RERUN")
                .tag("action", action)
                .register(meters)
                .increment();
    }

    private Counter made(String outcome) {
        return Counter.builder("aftersales.assignments.made")
                .description("Assignments made for registered cases, by the rule that decided")
                .tag("rule", outcome)
                .register(meters);
    }

    private Counter offers(String outcome, String reason, String dealerId) {
        return Counter.builder("aftersales.assignments.offers")
                .description("Outcomes of offers to technicians: accepted, declined by reason, timed out")
                .tag("outcome", outcome)
                .tag("reason", reason)
                .tag("dealer", String.valueOf(dealerId))
                .register(meters);
    }

    private Counter visitsCompleted(boolean fixed) {
        return Counter.builder("aftersales.visits.completed")
                .description("Visits reported done by technicians, by whether the fault was fixed")
                .tag("outcome", fixed ? "FIXED" : "NOT_FIXED")
                .register(meters);
    }
}
