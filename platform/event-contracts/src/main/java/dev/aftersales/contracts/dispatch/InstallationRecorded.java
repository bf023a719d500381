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
 * @param thankYouCall whether followup makes the thank-you call; null in events of the first version (yes)
 * @param complaintId the installation case the machine was installed for, when there is one
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
        LocalDate mainPartsWarrantyUntil,
        Boolean thankYouCall,
        @Size(max = FieldLimits.ID) String complaintId) {

    /** An installation as the first version announced it: a thank-you call is due, no case named. */
    public InstallationRecorded(
            String serialNumber,
            String model,
            String productLine,
            String customerId,
            String customerName,
            String customerPhone,
            String address,
            String regionCode,
            String dealerId,
            String installerId,
            LocalDate installedOn,
            LocalDate wholeMachineWarrantyUntil,
            LocalDate mainPartsWarrantyUntil) {
        this(
                serialNumber,
                model,
                productLine,
                customerId,
                customerName,
                customerPhone,
                address,
                regionCode,
                dealerId,
                installerId,
                installedOn,
                wholeMachineWarrantyUntil,
                mainPartsWarrantyUntil,
                null,
                null);
    }
}
