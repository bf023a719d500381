package dev.aftersales.dispatch.archive.application;

import dev.aftersales.dispatch.archive.domain.CustomerContact;
import dev.aftersales.dispatch.archive.domain.Site;
import java.time.LocalDate;

/**
 * A new installation as reported. {@code installerId} defaults to the reporting technician and
 * {@code installedOn} to today; the customer's name and phone are published, not stored.
 */
public record RecordInstallationCommand(
        String serialNumber,
        String model,
        String productLine,
        String dealerId,
        String installerId,
        LocalDate installedOn,
        CustomerContact customer,
        Site site) {}
