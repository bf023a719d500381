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
 * @param happenedAt when the visit was completed, the case resolved, the machine installed
 */
public record ScheduleReturnCallCommand(
        String eventId, ReturnCallReason reason, String subjectId, String complaintId, Instant happenedAt) {

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

    public static ScheduleReturnCallCommand afterInstallation(
            String eventId, String serialNumber, Instant installedOn) {
        return new ScheduleReturnCallCommand(
                eventId, ReturnCallReason.THANK_YOU_AFTER_INSTALLATION, serialNumber, null, installedOn);
    }
}
