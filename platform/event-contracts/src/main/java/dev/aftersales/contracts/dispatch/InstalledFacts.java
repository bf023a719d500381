package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What an installer reports when an installation visit is done: the archive records the machine
 * from it (warranty from {@code installedOn}) and publishes {@code InstallationRecorded}.
 */
public record InstalledFacts(
        @NotBlank @Size(max = FieldLimits.ID) String serialNumber,
        @Size(max = FieldLimits.CODE) String model,
        @Size(max = FieldLimits.CODE) String productLine,
        @NotNull LocalDate installedOn,
        @NotNull @Valid SiteFacts site,
        @Size(max = FieldLimits.ID) String customerId) {}
