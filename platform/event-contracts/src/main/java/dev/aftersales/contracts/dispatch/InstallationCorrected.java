package dev.aftersales.contracts.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A dispatcher or operations corrected an archived machine's installation record (with a reason,
 * kept in dispatch's history). On {@code dispatch.archive.v1}, keyed by serial number, after the
 * machine's {@link InstallationRecorded} if it had one. Carries the record as it now stands, so a
 * consumer can replace its copy; the customer's name and phone only when {@code corrected} names
 * CUSTOMER (dispatch does not keep them, so otherwise it cannot repeat them).
 *
 * @param revision the correction's number for this machine (1, 2, …): a consumer applies it only
 *     over an older revision, so a redelivered or replayed correction never undoes a newer one, and
 *     an {@code InstallationRecorded} (revision 0) never undoes a correction
 * @param corrected what this correction changed
 * @param installedOn null only for an imported machine whose date the archive never had
 * @param wholeMachineWarrantyUntil from the (possibly corrected) installation date: it moves only
 *     when {@code corrected} names INSTALLED_ON
 */
public record InstallationCorrected(
        @NotBlank @Size(max = 64) String serialNumber,
        @Positive int revision,
        @NotNull Instant correctedAt,
        @NotEmpty @Size(max = 4) List<@NotNull InstallationPart> corrected,
        @Size(max = 64) String model,
        @Size(max = 64) String productLine,
        @Size(max = 64) String customerId,
        @Size(max = 200) String customerName,
        @Size(max = 32) String customerPhone,
        @Size(max = 500) String address,
        @Size(max = 12) String regionCode,
        @NotBlank @Size(max = 64) String dealerId,
        @Size(max = 64) String installerId,
        LocalDate installedOn,
        LocalDate wholeMachineWarrantyUntil,
        LocalDate mainPartsWarrantyUntil) {}
