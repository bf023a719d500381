package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Every action of the agreed resolution is done: followup schedules the return call, and the case
 * runs the until-satisfied loop as after a visit.
 */
public record ResolutionCarriedOut(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String resolutionId,
        int round,
        @NotNull Instant carriedOutAt) {}
