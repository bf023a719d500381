package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A case was cancelled by the customer or merged into another: its open assignment is withdrawn and
 * its reservations released.
 *
 * @param mergedInto the case that carries on, when {@code reason} is MERGED
 */
public record ComplaintCancelled(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotNull CancellationReason reason,
        @Size(max = FieldLimits.ID) String mergedInto,
        @Size(max = FieldLimits.TEXT) String note,
        @NotBlank @Size(max = FieldLimits.USER_ID) String cancelledBy,
        @NotNull Instant cancelledAt) {}
