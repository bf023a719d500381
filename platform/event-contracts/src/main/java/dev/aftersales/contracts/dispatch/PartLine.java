package dev.aftersales.contracts.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

public record PartLine(
        @NotBlank String partNumber, @Positive int quantity) {}
