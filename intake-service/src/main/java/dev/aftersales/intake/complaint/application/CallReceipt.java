package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import dev.aftersales.intake.complaint.domain.Priority;
import java.time.Instant;

/**
 * The first answer to a keyed call. {@code complaintId} is null while the call is being handled.
 *
 * @param newCase true when the call opened a case, false when it was logged on an open one
 */
public record CallReceipt(
        String key,
        Instant claimedAt,
        String complaintId,
        boolean newCase,
        ComplaintStatus status,
        Priority priority,
        int callCount) {

    public boolean completed() {
        return complaintId != null;
    }
}
