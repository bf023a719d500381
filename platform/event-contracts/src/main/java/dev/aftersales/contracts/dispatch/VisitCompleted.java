package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import dev.aftersales.contracts.intake.ComplaintKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The technician finished the visit: what was found, what was used, what was charged.
 *
 * @param kind the case's kind; null in events of the first version (a repair)
 * @param resolutionActionId set when the visit carried out an action of an agreed resolution
 * @param installed for an INSTALLATION: the machine as installed, which the archive records
 * @param relocatedTo for a RELOCATION: where the machine stands now (the archive moves its site)
 */
public record VisitCompleted(
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String technicianId,
        @NotBlank @Size(max = FieldLimits.ID) String dealerId,
        @NotBlank @Size(max = FieldLimits.ID) String serialNumber,
        @Size(max = FieldLimits.TEXT) String diagnosis,
        @Size(max = FieldLimits.TEXT) String rootCause,
        @NotNull @Size(max = FieldLimits.LINES) List<@Valid PartLine> partsUsed,
        BigDecimal feeCharged,
        boolean fixed,
        @NotNull Instant completedAt,
        ComplaintKind kind,
        @Size(max = FieldLimits.ID) String resolutionActionId,
        @Valid InstalledFacts installed,
        @Valid SiteFacts relocatedTo) {

    /** A repair visit as the first version reported it. */
    public VisitCompleted(
            String assignmentId,
            String complaintId,
            String technicianId,
            String dealerId,
            String serialNumber,
            String diagnosis,
            String rootCause,
            List<PartLine> partsUsed,
            BigDecimal feeCharged,
            boolean fixed,
            Instant completedAt) {
        this(
                assignmentId,
                complaintId,
                technicianId,
                dealerId,
                serialNumber,
                diagnosis,
                rootCause,
                partsUsed,
                feeCharged,
                fixed,
                completedAt,
                null,
                null,
                null,
                null);
    }
}
