package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.dispatch.archive.domain.Correction;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.InstallationRecord;
import dev.aftersales.dispatch.archive.domain.Site;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A machine's record: the installation facts (what the rule chain reads by {@code _id}), their
 * correction history and the outbox. {@code installedOn} is kept as an ISO date string: a calendar
 * date has no time zone to shift it. Imported machines start at version 0 with no history.
 */
@Document("installations")
record InstallationDocument(
        @Id String serialNumber,
        String model,
        String productLine,
        String customerId,
        String dealerId,
        String installerId,
        String installedOn,
        Site site,
        List<Correction> corrections,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    static InstallationDocument of(Installation installation) {
        return of(installation, List.of(), null, null);
    }

    static InstallationDocument of(InstallationRecord record) {
        return of(record.installation(), record.corrections(), record.version(), Outbox.of(record.events()));
    }

    private static InstallationDocument of(
            Installation installation, List<Correction> corrections, Long version, Outbox outbox) {
        return new InstallationDocument(
                installation.serialNumber(),
                installation.model(),
                installation.productLine(),
                installation.customerId(),
                installation.dealerId(),
                installation.installerId(),
                installation.installedOn() == null
                        ? null
                        : installation.installedOn().toString(),
                installation.site(),
                corrections,
                version,
                outbox);
    }

    @Override
    public String id() {
        return serialNumber;
    }

    Installation toInstallation() {
        return new Installation(
                serialNumber,
                model,
                productLine,
                customerId,
                dealerId,
                installerId,
                installedOn == null ? null : LocalDate.parse(installedOn),
                site);
    }

    InstallationRecord toRecord() {
        return InstallationRecord.restore(toInstallation(), corrections, version, Outbox.eventsOf(outbox));
    }
}
