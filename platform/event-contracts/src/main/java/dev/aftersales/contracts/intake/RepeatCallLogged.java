package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The customer called again about an open case: the call was logged on it instead of opening a new
 * case. The technician sent to the case sees how often the customer has called (a customer who calls
 * for the third time is received differently from one who calls once).
 *
 * @param callCount calls on the case so far, the registering call and this one included
 */
public record RepeatCallLogged(
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @Positive int callCount,
        @NotNull Instant loggedAt) {}
