package dev.aftersales.followup.returncall.application;

import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Schedules the return call of a completed visit, due a configured delay after completion.
 * Exactly one per visit: the call's id comes from the assignment and is inserted once, together
 * with its ReturnCallScheduled event, so a redelivery (same or new event id) finds it and stops.
 */
@Service
public class ScheduleReturnCall {

    private static final Logger log = LoggerFactory.getLogger(ScheduleReturnCall.class);

    private final ReturnCalls returnCalls;
    private final Clock clock;
    private final Duration delay;
    private final Counter scheduled;

    ScheduleReturnCall(ReturnCalls returnCalls, Clock clock, FollowupProperties properties, MeterRegistry meters) {
        this.returnCalls = returnCalls;
        this.clock = clock;
        this.delay = properties.returnCallDelay();
        this.scheduled = Counter.builder("aftersales.returncalls.scheduled")
                .description("Return calls scheduled, by reason")
                .tag("reason", ReturnCallReason.AFTER_VISIT.name())
                .register(meters);
    }

    /** @return false when the visit's return call existed already */
    public boolean schedule(ScheduleReturnCallCommand command) {
        var call = ReturnCall.afterVisit(
                command.assignmentId(), command.complaintId(), command.completedAt(), delay, clock.instant());
        call.outbox().firstDelivery(command.eventId());
        if (!returnCalls.add(call)) {
            log.info("return call {} was scheduled before; visit completion redelivered", call.id());
            return false;
        }
        scheduled.increment();
        log.info("return call {} for complaint {} due {}", call.id(), call.complaintId(), call.dueAt());
        return true;
    }
}
