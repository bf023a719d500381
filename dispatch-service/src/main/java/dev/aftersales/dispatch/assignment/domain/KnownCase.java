package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.Priority;
import java.time.Instant;

/**
 * What dispatch keeps of every registered case, also of those it sends nobody to (a fee dispute, a
 * complaint about a technician): an agreed resolution may ask for a visit later, and then the
 * machine, the contact and whom the case is about are needed. Personal data (the contact): never logged.
 *
 * @param subjectTechnicianId the technician the case is about; null when none
 * @param model the machine's model as the agent registered it; null in documents older than the field
 * @param customerRequest what the customer asks for, in their words; null when none was noted
 * @param registeredAt when the case was registered: the day its warranty is judged on
 * @param callCount calls on the case so far (0 in documents older than the field: read as one)
 */
public record KnownCase(
        String complaintId,
        String serialNumber,
        ComplaintKind kind,
        String symptoms,
        CaseContact contact,
        Priority priority,
        String subjectTechnicianId,
        String model,
        String customerRequest,
        Instant registeredAt,
        int callCount) {

    public static KnownCase of(ComplaintRegistered complaint) {
        return new KnownCase(
                complaint.complaintId(),
                complaint.serialNumber(),
                complaint.kind(),
                complaint.symptoms(),
                complaint.contact(),
                complaint.priority() == null ? Priority.NORMAL : complaint.priority(),
                Assignment.subjectTechnician(complaint),
                complaint.model(),
                complaint.customerRequest(),
                complaint.registeredAt(),
                1);
    }

    /** The calls on the case, the registering one included. */
    public int calls() {
        return Math.max(1, callCount);
    }

    KnownCase withPriority(Priority changed) {
        return new KnownCase(
                complaintId,
                serialNumber,
                kind,
                symptoms,
                contact,
                changed,
                subjectTechnicianId,
                model,
                customerRequest,
                registeredAt,
                callCount);
    }

    KnownCase withCalls(int calls) {
        return new KnownCase(
                complaintId,
                serialNumber,
                kind,
                symptoms,
                contact,
                priority,
                subjectTechnicianId,
                model,
                customerRequest,
                registeredAt,
                Math.max(callCount, calls));
    }
}
