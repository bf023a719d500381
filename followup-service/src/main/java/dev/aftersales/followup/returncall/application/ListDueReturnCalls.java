package dev.aftersales.followup.returncall.application;

import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;

/** The agents' work list: open return calls due by now plus a look-ahead, the longest-due first. */
@Service
public class ListDueReturnCalls {

    /** A due call not made within a day of its due time is overdue. */
    static final Duration OVERDUE_AFTER = Duration.ofDays(1);

    private final ReturnCalls returnCalls;
    private final Clock clock;

    ListDueReturnCalls(ReturnCalls returnCalls, Clock clock, MeterRegistry meters) {
        this.returnCalls = returnCalls;
        this.clock = clock;
        // Counted on each scrape; the query scans on the embedded store (see MongoReturnCalls).
        Gauge.builder("aftersales.returncalls.due", this, list -> list.returnCalls.countDueBy(list.clock.instant()))
                .description("Return calls due now and not yet made")
                .strongReference(true)
                .register(meters);
        Gauge.builder(
                        "aftersales.returncalls.overdue",
                        this,
                        list -> list.returnCalls.countDueBy(list.clock.instant().minus(OVERDUE_AFTER)))
                .description("Return calls due for more than a day and not yet made")
                .strongReference(true)
                .register(meters);
        // At zero from the start (RecordCallAttempt counts it), so a first unreachable customer shows as a step.
        meters.counter("aftersales.returncalls.unreachable");
    }

    /** @param within how far ahead to look; negative lists only calls overdue by at least that much */
    public List<ReturnCall> dueWithin(Duration within) {
        return returnCalls.dueBy(clock.instant().plus(within));
    }
}
