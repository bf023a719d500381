package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Site;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** {@code installedOn} is kept as an ISO date string: a calendar date has no time zone to shift it. */
@Document("installations")
record InstallationDocument(
        @Id String serialNumber,
        String model,
        String productLine,
        String customerId,
        String dealerId,
        String installerId,
        String installedOn,
        Site site) {

    static InstallationDocument of(Installation installation) {
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
                installation.site());
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
}
