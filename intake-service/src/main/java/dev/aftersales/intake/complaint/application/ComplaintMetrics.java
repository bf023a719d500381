package dev.aftersales.intake.complaint.application;

import dev.aftersales.contracts.intake.CancellationReason;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.GoodwillKind;
import dev.aftersales.contracts.intake.ResolutionKind;
import dev.aftersales.contracts.intake.SlaClock;
import dev.aftersales.intake.complaint.domain.Milestone;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What the case work counts, in the hotline's words. The names are read by the Grafana dashboards
 * and the alert rules in {@code deploy/}: renaming one breaks them. Tags are bounded enums only
 * (kind, channel, clock, milestone), never a case, person or phone. Every meter a dashboard shows a
 * rate of exists at zero from start-up, so the first case, breach or reopening is a visible step.
 */
@Component
class ComplaintMetrics {

    private final MeterRegistry meters;
    private final Counter repeatedCalls;
    private final Counter escalated;
    private final Counter closed;
    private final Counter reopened;
    private final Timer firstAnswer;
    private final DistributionSummary callsPerCase;

    ComplaintMetrics(MeterRegistry meters) {
        this.meters = meters;
        repeatedCalls = Counter.builder("aftersales.intake.calls.repeated")
                .description("Calls about a machine that already had an open case")
                .register(meters);
        escalated = Counter.builder("aftersales.intake.cases.escalated")
                .description("Cases whose priority rose because the customer kept calling")
                .register(meters);
        closed = Counter.builder("aftersales.intake.cases.closed")
                .description("Cases closed because follow-up found the customer satisfied")
                .register(meters);
        reopened = Counter.builder("aftersales.intake.cases.reopened")
                .description("Cases reopened because follow-up found the customer not satisfied")
                .register(meters);
        firstAnswer = Timer.builder("aftersales.intake.first.answer")
                .description("Time from registration to the first answer an agent recorded")
                // The answer is due within 4 h, best the same day (domain.md, service levels).
                .serviceLevelObjectives(
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(30),
                        Duration.ofHours(1),
                        Duration.ofHours(2),
                        Duration.ofHours(4),
                        Duration.ofHours(8),
                        Duration.ofHours(24))
                .register(meters);
        callsPerCase = DistributionSummary.builder("aftersales.intake.calls.per.case")
                .description("Calls the customer made about a case, counted when it closed")
                .register(meters);
        for (var kind : ComplaintKind.values()) {
            for (var channel : Channel.values()) {
                registeredCounter(kind, channel);
            }
            resolvedByPhoneCounter(kind);
            for (var clock : SlaClock.values()) {
                breachCounter(clock, kind);
            }
        }
        for (var kind : ResolutionKind.values()) {
            overdueCounter(kind);
        }
        for (var kind : GoodwillKind.values()) {
            goodwillCounter(kind, null);
        }
    }

    /** A call opened a case. */
    void registered(ComplaintKind kind, Channel channel) {
        registeredCounter(kind, channel).increment();
    }

    /** A call was logged on the machine's open case instead of opening another. */
    void callRepeated() {
        repeatedCalls.increment();
    }

    /** The customer kept calling: the case's priority rose. */
    void escalated() {
        escalated.increment();
    }

    /** An agent gave the customer the first answer, {@code waited} after registration. */
    void firstAnswered(Duration waited) {
        firstAnswer.record(waited);
    }

    /** A case was settled by phone guidance, on the registering call or later. */
    void resolvedByPhone(ComplaintKind kind) {
        resolvedByPhoneCounter(kind).increment();
    }

    /** A clock of a case passed its deadline. */
    void slaBreached(SlaClock clock, ComplaintKind kind) {
        breachCounter(clock, kind).increment();
    }

    /** Follow-up found the customer satisfied: the case closed after {@code calls} calls. */
    void closed(int calls) {
        closed.increment();
        callsPerCase.record(calls);
    }

    /** Follow-up found the customer not satisfied: the case opened for another round. */
    void reopened() {
        reopened.increment();
    }

    /** Another service's event reached a case timeline; a redelivery counts as a duplicate. */
    void timelineEvent(Milestone what, boolean duplicate) {
        Counter.builder("aftersales.timeline.events")
                .description("Events of other services consumed into case timelines, by type and outcome")
                .tag("type", what.name())
                .tag("outcome", duplicate ? "duplicate" : "recorded")
                .register(meters)
                .increment();
    }

    /** An event about no case (a thank-you or care call): skipped, never retried or dead-lettered. */
    void eventWithoutCase(Milestone what) {
        Counter.builder("aftersales.intake.events.without.case")
                .description("Events of other services about no case (thank-you and care calls), skipped")
                .tag("type", what.name())
                .register(meters)
                .increment();
    }

    /** A compensation was given: after-sales cost of the machine's dealer ({@code none} when the archive knows none). */
    void goodwill(GoodwillKind kind, String dealerId, BigDecimal amount) {
        goodwillCounter(kind, dealerId).increment(amount.doubleValue());
    }

    private Counter goodwillCounter(GoodwillKind kind, String dealerId) {
        return Counter.builder("aftersales.goodwill.cost")
                .description("Compensations given to customers (gifts, waivers, discounts), by dealer and kind")
                .tag("dealer", dealerId == null ? "none" : dealerId)
                .tag("kind", kind.name())
                .register(meters);
    }

    /** A case was cancelled by the customer or merged into another. */
    void cancelled(CancellationReason reason) {
        Counter.builder("aftersales.intake.cases.cancelled")
                .description("Cases cancelled by the customer or merged into another, by reason")
                .tag("reason", reason.name())
                .register(meters)
                .increment();
    }

    /** An action of an agreed resolution was not done by the time promised to the customer. */
    void actionOverdue(ResolutionKind kind) {
        overdueCounter(kind).increment();
    }

    private Counter overdueCounter(ResolutionKind kind) {
        return Counter.builder("aftersales.resolution.actions.overdue")
                .description("Actions of agreed resolutions not done by the time promised, by kind of action")
                .tag("kind", kind.name())
                .register(meters);
    }

    private Counter registeredCounter(ComplaintKind kind, Channel channel) {
        return Counter.builder("aftersales.complaints.registered")
                .description("Complaints registered, by kind and channel")
                .tag("kind", kind.name())
                .tag("channel", channel.name())
                .register(meters);
    }

    private Counter resolvedByPhoneCounter(ComplaintKind kind) {
        return Counter.builder("aftersales.intake.resolved.by.phone")
                .description("Cases settled by phone guidance, by kind")
                .tag("kind", kind.name())
                .register(meters);
    }

    private Counter breachCounter(SlaClock clock, ComplaintKind kind) {
        return Counter.builder("aftersales.sla.breaches")
                .description("SLA clocks that passed their deadline, by clock and kind of complaint")
                .tag("clock", clock.name())
                .tag("kind", kind.name())
                .register(meters);
    }
}
