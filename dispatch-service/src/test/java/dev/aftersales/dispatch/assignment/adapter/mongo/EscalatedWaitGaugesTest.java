package dev.aftersales.dispatch.assignment.adapter.mongo;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.contracts.dispatch.WithdrawalReason;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.Decision;
import dev.aftersales.dispatch.assignment.domain.WithdrawalOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the EscalatedCasesWaiting alert reads: the escalated cases and how long the oldest has waited. */
@ServiceSliceTest
class EscalatedWaitGaugesTest {

    @Autowired
    Assignments assignments;

    @Autowired
    EscalatedWaitGauges gauges;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MutableClock clock;

    @Test
    void an_escalated_case_counts_as_waiting_since_the_chain_gave_up_until_it_is_withdrawn() {
        var escalatedAt = clock.instant().minus(Duration.ofDays(400));
        var waiting = Assignment.open(
                registered("C-" + UUID.randomUUID(), "WP-NONE"),
                new Decision(null, null, null, "no installation record for WP-NONE"),
                escalatedAt);
        assertThat(assignments.add(waiting)).isTrue();

        gauges.refresh();

        assertThat(gauge("aftersales.assignments.escalated.waiting")).isGreaterThanOrEqualTo(1);
        // Nothing else in the shared store waits 400 days: the oldest is this case.
        assertThat(gauge("aftersales.assignments.escalated.oldest")).isEqualTo((double)
                Duration.between(escalatedAt, clock.instant()).toSeconds());

        var stored = assignments.byId(waiting.id()).orElseThrow();
        assertThat(stored.withdraw(WithdrawalReason.CUSTOMER_CANCELLED, clock.instant()))
                .isEqualTo(WithdrawalOutcome.CANCELLED);
        assignments.save(stored);
        gauges.refresh();

        assertThat(gauge("aftersales.assignments.escalated.oldest"))
                .isLessThan((double) Duration.ofDays(399).toSeconds());
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
