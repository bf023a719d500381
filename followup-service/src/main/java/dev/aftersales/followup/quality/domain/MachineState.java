package dev.aftersales.followup.quality.domain;

import java.time.Instant;

/**
 * Everything a {@link Machine} knows besides its serial number, in one immutable value: the machine
 * keeps it, {@link Machine#snapshot} gives it to the store and {@link Machine#restore} takes it back.
 * The only place the machine's fields are listed.
 *
 * @param lastComplaintId the case of the latest completed visit, from which a new fault is measured
 * @param archiveRevision the archive correction the record shows; 0 as installed (and in machines
 *     stored before corrections existed)
 */
public record MachineState(
        String model,
        String productLine,
        String customerId,
        String dealerId,
        String lastComplaintId,
        Instant lastCompletedAt,
        Integer archiveRevision) {

    /** A machine known only by its serial number (its first event was not the installation). */
    static final MachineState UNKNOWN = new MachineState(null, null, null, null, null, null, 0);

    public MachineState {
        archiveRevision = archiveRevision == null ? 0 : archiveRevision;
    }

    /** What the archive says the machine is and whose it is, as of {@code revision}. */
    MachineState archived(int revision, String model, String productLine, String customerId, String dealerId) {
        return new MachineState(model, productLine, customerId, dealerId, lastComplaintId, lastCompletedAt, revision);
    }

    MachineState lastVisit(String complaintId, Instant completedAt) {
        return new MachineState(model, productLine, customerId, dealerId, complaintId, completedAt, archiveRevision);
    }

    MachineState ofModel(String model) {
        return new MachineState(
                model, productLine, customerId, dealerId, lastComplaintId, lastCompletedAt, archiveRevision);
    }
}
