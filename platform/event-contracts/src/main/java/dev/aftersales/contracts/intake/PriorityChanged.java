package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A case's priority changed: raised by repeat calls (beside {@link ComplaintEscalated}) or set by a
 * supervisor with a reason. Dispatch shows it on the technician's list and feed; parts serves
 * backorders priority first.
 *
 * @param changedBy the supervisor's user id, or {@code system} for repeat calls
 */
public record PriorityChanged(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotNull Priority priority,
        @Size(max = FieldLimits.TEXT) String reason,
        @NotBlank @Size(max = FieldLimits.USER_ID) String changedBy,
        @NotNull Instant changedAt) {}
