package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One part of an agreed resolution, e.g. replacement goods to ship or a fee to refund. */
public record ResolutionAction(
        @NotNull ResolutionKind kind,
        @Size(max = FieldLimits.TEXT) String description,
        BigDecimal amount) {}
