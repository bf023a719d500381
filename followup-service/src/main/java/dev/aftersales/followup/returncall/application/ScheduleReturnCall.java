package dev.aftersales.followup.returncall.application;

import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Schedules the return call a trigger owes the customer: after a visit (default 48 h), after a
 * phone resolution (default 24 h), after an agreed resolution was carried out (default 24 h), a
 * thank-you call after an installation (default 2 days).
 * Exactly one per trigger: the call's id comes from the trigger and is inserted once, together
 * with its ReturnCallScheduled event, so a redelivery (same or new event id) finds it and stops.
 */
@Service
public class ScheduleReturnCall {

    private static final Logger log = LoggerFactory.getLogger(ScheduleReturnCall.class);

    private final ReturnCalls returnCalls;
    private final CaseFiles caseFiles;
    private final Clock clock;
    private final FollowupProperties properties;
    private final ReturnCallMetrics metrics;

    ScheduleReturnCall(
            ReturnCalls returnCalls,
            CaseFiles caseFiles,
            Clock clock,
            FollowupProperties properties,
            ReturnCallMetrics metrics) {
        this.returnCalls = returnCalls;
        this.caseFiles = caseFiles;
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** @return false when the trigger's return call existed already */
    public boolean schedule(ScheduleReturnCallCommand command) {
        var now = clock.instant();
        var call = switch (command.reason()) {
            case AFTER_VISIT ->
                ReturnCall.afterVisit(
                        command.subjectId(),
                        roundOfVisit(command),
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
            case AFTER_RESOLUTION ->
                ReturnCall.afterResolution(
                        command.complaintId(),
                        Math.max(1, command.round()),
                        command.happenedAt(),
                        properties.resolutionCallDelay(),
                        now);
        };
        call.events().firstDelivery(command.eventId());
        if (!returnCalls.add(call)) {
            log.info("return call {} was scheduled before; its trigger was redelivered", call.id());
            return false;
        }
        metrics.scheduled(command.reason());
        log.info("return call {} for case {} due {}", call.id(), call.complaintId(), call.dueAt());
        return true;
    }

    /**
     * The satisfaction round the visit's call surveys, as the case file counts it. The case file
     * hears of the visit from the same event, before or after this handler: either way this is the
     * round it records the visit in.
     */
    private int roundOfVisit(ScheduleReturnCallCommand visit) {
        return caseFiles
                .find(visit.complaintId())
                .map(file -> file.roundOf(visit.subjectId(), visit.happenedAt()))
                .orElse(1);
    }
}
