package dev.aftersales.contracts.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * A machine was installed (or its installation record imported): who installed it, for which
 * dealer, where, and until when its warranty runs. On {@code dispatch.archive.v1}, keyed by serial
 * number. Intake keeps it for caller lookup, followup for the thank-you call. Carries the
 * customer's contact because both of them need to reach the customer.
 *
 * @param wholeMachineWarrantyUntil last day of the whole-machine warranty, from the model's policy
 * @param mainPartsWarrantyUntil last day of the main-parts warranty
 */
public record InstallationRecorded(
        @NotBlank String serialNumber,
        String model,
        String productLine,
        String customerId,
        String customerName,
        String customerPhone,
        String address,
        String regionCode,
        @NotBlank String dealerId,
        String installerId,
        @NotNull LocalDate installedOn,
        LocalDate wholeMachineWarrantyUntil,
        LocalDate mainPartsWarrantyUntil) {}
