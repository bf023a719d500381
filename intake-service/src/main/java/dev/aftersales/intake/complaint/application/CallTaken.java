package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import dev.aftersales.intake.complaint.domain.Priority;
import dev.aftersales.intake.complaint.domain.SlaDeadlines;

/**
 * The answer to a call: the case it opened or was logged on, as it stood then.
 *
 * @param newCase true when the call opened a case
 */
public record CallTaken(
        String complaintId,
        boolean newCase,
        ComplaintStatus status,
        Priority priority,
        SlaDeadlines sla,
        int callCount) {

    static CallTaken of(Complaint complaint, boolean newCase) {
        return new CallTaken(
                complaint.id(),
                newCase,
                complaint.status(),
                complaint.priority(),
                complaint.sla(),
                complaint.calls().size());
    }
}
