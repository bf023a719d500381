package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.intake.complaint.domain.CaseRuleViolation;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Read a case, change it, save it with its events; when someone else changed it in between (two
 * consumer threads, two agents, the SLA sweep) read it again and redo the change.
 */
@Component
class CaseChanges {

    /** Past this many clashes in a row the caller's own retry (listener back-off, the client) takes over. */
    private static final int ATTEMPTS = 5;

    private final Complaints complaints;

    CaseChanges(Complaints complaints) {
        this.complaints = complaints;
    }

    /** For requests: an unknown case answers 404, a step the case does not allow now 409. */
    <R> R change(String complaintId, Function<Complaint, R> change) {
        try {
            return change(complaintId, change, () -> new NotFoundException("no complaint " + complaintId));
        } catch (CaseRuleViolation e) {
            throw new ConflictException(e.getMessage());
        }
    }

    /**
     * @param change returns null when it changed nothing: nothing is saved
     */
    <R> R change(String complaintId, Function<Complaint, R> change, Supplier<RuntimeException> unknown) {
        for (int attempt = 1; ; attempt++) {
            var complaint = complaints.find(complaintId).orElseThrow(unknown);
            var result = change.apply(complaint);
            if (result == null) {
                return null;
            }
            try {
                complaints.update(complaint);
                return result;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
