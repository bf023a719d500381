package dev.aftersales.contracts.intake;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** One part of an agreed resolution, e.g. replacement goods to ship or a fee to refund. */
public record ResolutionAction(@NotNull ResolutionKind kind, String description, BigDecimal amount) {}
