package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import dev.aftersales.contracts.intake.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A technician now owns the visit for a case; {@code reason} is shown to the dispatcher.
 *
 * @param priority the case's priority when it was assigned; null in events of the first version
 * @param assignedBy the dispatcher's user id when {@code rule} is MANUAL; else null
 * @param resolutionActionId set when the visit carries out an action of an agreed resolution (a REVISIT)
 */
public record TechnicianAssigned(
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String technicianId,
        @NotBlank @Size(max = FieldLimits.ID) String dealerId,
        @NotNull AssignmentRule rule,
        @Size(max = FieldLimits.TEXT) String reason,
        @NotNull Instant assignedAt,
        Priority priority,
        @Size(max = FieldLimits.USER_ID) String assignedBy,
        @Size(max = FieldLimits.TEXT) String note,
        @Size(max = FieldLimits.ID) String resolutionActionId) {

    /** An assignment made by the rule chain, as the first version announced it. */
    public TechnicianAssigned(
            String assignmentId,
            String complaintId,
            String technicianId,
            String dealerId,
            AssignmentRule rule,
            String reason,
            Instant assignedAt) {
        this(assignmentId, complaintId, technicianId, dealerId, rule, reason, assignedAt, null, null, null, null);
    }
}
