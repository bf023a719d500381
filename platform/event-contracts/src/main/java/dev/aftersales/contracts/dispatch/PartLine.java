package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

public record PartLine(
        @NotBlank @Size(max = FieldLimits.ID) String partNumber,
        @Positive int quantity) {}
