package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.Priority;

/**
 * What dispatch keeps of every registered case, also of those it sends nobody to (a fee dispute, a
 * complaint about a technician): an agreed resolution may ask for a visit later, and then the
 * machine, the contact and whom the case is about are needed. Personal data (the contact): never logged.
 *
 * @param subjectTechnicianId the technician the case is about; null when none
 */
public record KnownCase(
        String complaintId,
        String serialNumber,
        ComplaintKind kind,
        String symptoms,
        CaseContact contact,
        Priority priority,
        String subjectTechnicianId) {

    public static KnownCase of(ComplaintRegistered complaint) {
        return new KnownCase(
                complaint.complaintId(),
                complaint.serialNumber(),
                complaint.kind(),
                complaint.symptoms(),
                complaint.contact(),
                complaint.priority() == null ? Priority.NORMAL : complaint.priority(),
                Assignment.subjectTechnician(complaint));
    }
}
