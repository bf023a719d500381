package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** An action of an agreed resolution was not done by the time promised to the customer. */
public record ResolutionActionOverdue(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String resolutionId,
        @NotBlank @Size(max = FieldLimits.ID) String actionId,
        @NotNull ResolutionKind kind,
        @Size(max = FieldLimits.CODE) String ownerRole,
        @Size(max = FieldLimits.ID) String ownerDealerId,
        @NotNull Instant promisedBy,
        @NotNull Instant overdueAt) {}
