package dev.aftersales.contracts.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * A resolution approved by a supervisor and accepted by the customer: the departments named by
 * its actions carry it out (the warehouse ships goods, finance refunds a fee).
 */
public record ResolutionAgreed(
        @NotBlank String complaintId,
        @NotBlank String resolutionId,
        @NotEmpty List<@Valid ResolutionAction> actions,
        @NotBlank String approvedBy,
        @NotNull Instant acceptedAt) {}
