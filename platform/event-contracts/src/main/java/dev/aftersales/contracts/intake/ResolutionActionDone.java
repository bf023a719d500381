package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One action of an agreed resolution was carried out: moved to DONE by its owner with evidence, or
 * by the event its kind follows (goods shipped and received, a revisit completed).
 *
 * @param evidenceReference e.g. a refund voucher, a waybill number, the revisit's assignment id
 */
public record ResolutionActionDone(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String resolutionId,
        @NotBlank @Size(max = FieldLimits.ID) String actionId,
        @NotNull ResolutionKind kind,
        @NotBlank @Size(max = FieldLimits.USER_ID) String doneBy,
        @Size(max = FieldLimits.ID) String evidenceReference,
        @Size(max = FieldLimits.TEXT) String note,
        @NotNull Instant doneAt) {}
