package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A resolution approved by a supervisor and accepted by the customer: the departments named by
 * its actions carry it out (the warehouse ships goods, finance refunds a fee).
 */
public record ResolutionAgreed(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @NotBlank @Size(max = FieldLimits.ID) String resolutionId,
        @NotEmpty @Size(max = FieldLimits.LINES) List<@Valid ResolutionAction> actions,
        @NotBlank @Size(max = FieldLimits.USER_ID) String approvedBy,
        @NotNull Instant acceptedAt) {}
