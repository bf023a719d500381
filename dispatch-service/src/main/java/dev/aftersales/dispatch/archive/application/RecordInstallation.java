package dev.aftersales.dispatch.archive.application;

import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.dispatch.archive.domain.InstallationRecord;
import dev.aftersales.dispatch.archive.domain.InstallationRecords;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.Warranty;
import dev.aftersales.dispatch.archive.domain.WarrantyPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A technician (or the office) reports a new installation: it enters the archive, so the installer
 * is sent when the machine needs service, and {@code InstallationRecorded} is published with the
 * warranty's end dates for intake's caller lookup and followup's thank-you call. Reporting the same
 * installation again updates the archive but publishes nothing new.
 */
@Service
public class RecordInstallation {

    private static final Logger log = LoggerFactory.getLogger(RecordInstallation.class);

    private final Installations installations;
    private final InstallationRecords records;
    private final WarrantyPolicy warranties;

    RecordInstallation(Installations installations, InstallationRecords records, WarrantyPolicy warranties) {
        this.installations = installations;
        this.records = records;
        this.warranties = warranties;
    }

    public Warranty record(RecordInstallationCommand command) {
        var installation = command.installation();
        var warranty = warranties.warrantyOf(installation);
        installations.upsert(installation);
        var site = installation.site();
        var recorded = new InstallationRecorded(
                installation.serialNumber(),
                installation.model(),
                installation.productLine(),
                installation.customerId(),
                command.customerName(),
                command.customerPhone(),
                site == null ? null : site.address(),
                site == null ? null : site.regionCode(),
                installation.dealerId(),
                installation.installerId(),
                installation.installedOn(),
                warranty.wholeMachineUntil(),
                warranty.mainPartsUntil());
        if (records.add(InstallationRecord.record(recorded))) {
            log.info("installation of {} recorded for dealer {}", installation.serialNumber(), installation.dealerId());
        } else {
            log.debug("installation of {} was recorded before", installation.serialNumber());
        }
        return warranty;
    }
}
