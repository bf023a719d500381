package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
        @NotBlank @Size(max = FieldLimits.ID) String serialNumber,
        @Size(max = FieldLimits.CODE) String model,
        @Size(max = FieldLimits.CODE) String productLine,
        @Size(max = FieldLimits.ID) String customerId,
        @Size(max = FieldLimits.NAME) String customerName,
        @Size(max = FieldLimits.PHONE) String customerPhone,
        @Size(max = FieldLimits.ADDRESS) String address,
        @Size(max = FieldLimits.CODE) String regionCode,
        @NotBlank @Size(max = FieldLimits.ID) String dealerId,
        @Size(max = FieldLimits.ID) String installerId,
        @NotNull LocalDate installedOn,
        LocalDate wholeMachineWarrantyUntil,
        LocalDate mainPartsWarrantyUntil) {}
