package dev.aftersales.followup.returncall.application;

import dev.aftersales.contracts.followup.ReturnCallReason;
import java.time.Instant;

/**
 * Something happened after which the customer is owed a return call.
 *
 * @param eventId the {@code ce_id} of the event that says so
 * @param subjectId what the call is derived from: the assignment (visit), the complaint (phone
 *     resolution) or the serial number (installation)
 * @param complaintId the case, or null for an installation
 * @param happenedAt when the visit was completed, the case resolved, the machine installed, the
 *     resolution carried out
 * @param round the satisfaction round of a carried-out resolution (its call is one per round); 0 otherwise
 */
public record ScheduleReturnCallCommand(
        String eventId, ReturnCallReason reason, String subjectId, String complaintId, Instant happenedAt, int round) {

    public ScheduleReturnCallCommand(
            String eventId, ReturnCallReason reason, String subjectId, String complaintId, Instant happenedAt) {
        this(eventId, reason, subjectId, complaintId, happenedAt, 0);
    }

    public static ScheduleReturnCallCommand afterVisit(
            String eventId, String assignmentId, String complaintId, Instant completedAt) {
        return new ScheduleReturnCallCommand(
                eventId, ReturnCallReason.AFTER_VISIT, assignmentId, complaintId, completedAt);
    }

    public static ScheduleReturnCallCommand afterPhoneResolution(
            String eventId, String complaintId, Instant resolvedAt) {
        return new ScheduleReturnCallCommand(
                eventId, ReturnCallReason.AFTER_PHONE_RESOLUTION, complaintId, complaintId, resolvedAt);
    }

    /** Every action of the case's agreed resolution was carried out, in satisfaction round {@code round}. */
    public static ScheduleReturnCallCommand afterResolution(
            String eventId, String complaintId, int round, Instant carriedOutAt) {
        return new ScheduleReturnCallCommand(
                eventId, ReturnCallReason.AFTER_RESOLUTION, complaintId, complaintId, carriedOutAt, round);
    }

    public static ScheduleReturnCallCommand afterInstallation(
            String eventId, String serialNumber, Instant installedOn) {
        return new ScheduleReturnCallCommand(
                eventId, ReturnCallReason.THANK_YOU_AFTER_INSTALLATION, serialNumber, null, installedOn);
    }
}
