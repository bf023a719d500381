package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.intake.complaint.domain.CaseRuleViolation;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Read a case, change it, save it with its events; when someone else changed it in between (two
 * consumer threads, two agents, the SLA sweep) read it again and redo the change.
 */
@Component
class CaseChanges {

    /**
     * A case has few writers at once, so a clash means one other writer got there first; past five
     * in a row the caller's own retry (the listener's back-off, the client) takes over.
     */
    private static final ConflictRetry CASE_CHANGES = ConflictRetry.upTo(5);

    private final Complaints complaints;

    CaseChanges(Complaints complaints) {
        this.complaints = complaints;
    }

    /** For requests: an unknown case is not found, a step the case does not allow now is a conflict. */
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
        return CASE_CHANGES.run(() -> {
            var complaint = complaints.find(complaintId).orElseThrow(unknown);
            var result = change.apply(complaint);
            if (result != null) {
                complaints.update(complaint);
            }
            return result;
        });
    }
}
