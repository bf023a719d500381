package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The person the technician phones to agree an appointment. Personal data: carried only to the
 * services that need it to do their job, never logged.
 */
public record CaseContact(
        @NotBlank @Size(max = FieldLimits.NAME) String name,
        @NotBlank @Size(max = FieldLimits.PHONE) String phone,
        @Size(max = FieldLimits.ADDRESS) String address,
        @Size(max = FieldLimits.CODE) String regionCode) {}
