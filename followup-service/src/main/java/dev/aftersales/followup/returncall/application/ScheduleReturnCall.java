package dev.aftersales.followup.returncall.application;

import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Schedules the return call a trigger owes the customer: after a visit (default 48 h), after a
 * phone resolution (default 24 h), a thank-you call after an installation (default 2 days).
 * Exactly one per trigger: the call's id comes from the trigger and is inserted once, together
 * with its ReturnCallScheduled event, so a redelivery (same or new event id) finds it and stops.
 */
@Service
public class ScheduleReturnCall {

    private static final Logger log = LoggerFactory.getLogger(ScheduleReturnCall.class);

    private final ReturnCalls returnCalls;
    private final Clock clock;
    private final FollowupProperties properties;
    private final MeterRegistry meters;

    ScheduleReturnCall(ReturnCalls returnCalls, Clock clock, FollowupProperties properties, MeterRegistry meters) {
        this.returnCalls = returnCalls;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /** @return false when the trigger's return call existed already */
    public boolean schedule(ScheduleReturnCallCommand command) {
        var now = clock.instant();
        var call = switch (command.reason()) {
            case AFTER_VISIT ->
                ReturnCall.afterVisit(
                        command.subjectId(),
                        command.round(),
                        command.complaintId(),
                        command.happenedAt(),
                        properties.returnCallDelay(),
                        now);
            case AFTER_PHONE_RESOLUTION ->
                ReturnCall.afterPhoneResolution(
                        command.complaintId(), command.happenedAt(), properties.phoneResolutionCallDelay(), now);
            case THANK_YOU_AFTER_INSTALLATION ->
                ReturnCall.afterInstallation(
                        command.subjectId(), command.happenedAt(), properties.thankYouCallDelay(), now);
        };
        call.events().firstDelivery(command.eventId());
        if (!returnCalls.add(call)) {
            log.info("return call {} was scheduled before; its trigger was redelivered", call.id());
            return false;
        }
        counter(command.reason());
        log.info("return call {} for case {} due {}", call.id(), call.complaintId(), call.dueAt());
        return true;
    }

    private void counter(ReturnCallReason reason) {
        meters.counter("aftersales.returncalls.scheduled", "reason", reason.name())
                .increment();
    }
}
