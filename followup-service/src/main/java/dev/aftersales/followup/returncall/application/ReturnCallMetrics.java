package dev.aftersales.followup.returncall.application;

import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.contracts.followup.ReturnCallReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What the return-call use cases count: calls scheduled per reason, tries per outcome (the reach
 * rate is REACHED over all) and customers given up as unreachable. Every series exists at zero from
 * start-up, so a dashboard's rate shows a first call as a step rather than a gap.
 */
@Component
class ReturnCallMetrics {

    private final MeterRegistry meters;

    ReturnCallMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (var reason : ReturnCallReason.values()) {
            scheduledCounter(reason);
        }
        for (var outcome : CallOutcome.values()) {
            madeCounter(outcome, false);
            madeCounter(outcome, true);
        }
        unreachableCounter();
    }

    void scheduled(ReturnCallReason reason) {
        scheduledCounter(reason).increment();
    }

    /** @param overdue whether the try came after the call's due time */
    void made(CallOutcome outcome, boolean overdue) {
        madeCounter(outcome, overdue).increment();
    }

    void unreachable() {
        unreachableCounter().increment();
    }

    private Counter scheduledCounter(ReturnCallReason reason) {
        return Counter.builder("aftersales.returncalls.scheduled")
                .description("Return calls scheduled, by what triggered them")
                .tag("reason", reason.name())
                .register(meters);
    }

    private Counter madeCounter(CallOutcome outcome, boolean overdue) {
        return Counter.builder("aftersales.returncalls.made")
                .description("Tries of return calls, by outcome and whether the call was past due")
                .tag("outcome", outcome.name())
                .tag("overdue", Boolean.toString(overdue))
                .register(meters);
    }

    private Counter unreachableCounter() {
        return Counter.builder("aftersales.returncalls.unreachable")
                .description("Customers the retry policy could not reach")
                .register(meters);
    }
}
