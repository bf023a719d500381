package dev.aftersales.contracts.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** A hotline agent registered a new case; its SLA clocks started at {@code registeredAt}. */
public record ComplaintRegistered(
        @NotBlank String complaintId,
        @NotNull ComplaintKind kind,
        @NotNull Channel channel,
        @NotBlank String serialNumber,
        String model,
        String symptoms,
        String customerRequest,
        @NotNull @Valid CaseContact contact,
        @NotBlank String takenBy,
        @NotNull Instant registeredAt,
        @NotNull Instant firstAnswerDue,
        @NotNull Instant onSiteDue,
        @NotNull Instant resolutionDue) {}
