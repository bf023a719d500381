package dev.aftersales.contracts.followup;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Every attempt of the retry policy went unanswered (or the number was wrong): a supervisor takes over. */
public record CustomerUnreachable(
        @NotBlank @Size(max = FieldLimits.ID) String returnCallId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        int attempts,
        @NotNull Instant at) {}
