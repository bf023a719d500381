package dev.aftersales.contracts.followup;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** "Not solved" or satisfaction ≤ 2: intake reopens the case and dispatch sends someone again. */
public record CustomerDissatisfied(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        int round,
        boolean solved,
        int satisfaction,
        @Size(max = FieldLimits.TEXT) String reason,
        @NotNull Instant at) {}
