package dev.aftersales.contracts.intake;

import jakarta.validation.constraints.NotBlank;

/**
 * The person the technician phones to agree an appointment. Personal data: carried only to the
 * services that need it to do their job, never logged.
 */
public record CaseContact(@NotBlank String name, @NotBlank String phone, String address, String regionCode) {}
