package dev.aftersales.contracts.followup;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The customer confirmed the problem is solved and is satisfied: intake may close the case. */
public record CustomerSatisfied(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        int round,
        int satisfaction,
        @NotNull Instant at) {}
