package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A call to install a machine the archive does not know yet: what was bought, when, from whom. The
 * selling dealer's installers are sent; the installer reports the serial number at completion.
 *
 * @param serialKnown false when the customer could not read the serial: the case then carries the
 *     placeholder serial {@code NEW-<complaintId>}
 */
public record InstallationRequest(
        @Size(max = FieldLimits.CODE) String model,
        @Size(max = FieldLimits.CODE) String productLine,
        LocalDate purchasedOn,
        @Size(max = FieldLimits.ID) String sellingDealerId,
        boolean serialKnown) {}
