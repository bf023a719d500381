package dev.aftersales.intake.caller.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.dispatch.InstallationCorrected;
import dev.aftersales.contracts.dispatch.InstallationPart;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.intake.caller.application.CorrectInstallation;
import dev.aftersales.intake.caller.application.RecordInstallation;
import dev.aftersales.intake.caller.domain.InstalledMachine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The caller lookup's door: dispatch's archive stream ({@code dispatch.archive.v1}), installations
 * and their corrections, kept as intake's copy of the archive. Idempotent by the record's revision.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveSubscriptions {

    @Bean
    EventSubscriptions archive(RecordInstallation recordInstallation, CorrectInstallation correctInstallation) {
        return EventSubscriptions.builder()
                .on(InstallationRecorded.class, (ReceivedEvent<InstallationRecorded> event) -> {
                    var e = event.payload();
                    recordInstallation.record(new InstalledMachine(
                            e.serialNumber(),
                            e.model(),
                            e.productLine(),
                            e.customerId(),
                            e.customerName(),
                            e.customerPhone(),
                            e.address(),
                            e.regionCode(),
                            e.dealerId(),
                            e.installerId(),
                            e.installedOn(),
                            e.wholeMachineWarrantyUntil(),
                            e.mainPartsWarrantyUntil(),
                            0)); // as installed: corrections count from 1
                })
                .on(InstallationCorrected.class, (ReceivedEvent<InstallationCorrected> event) -> {
                    var e = event.payload();
                    if (e.installedOn() == null) {
                        return; // an imported machine without a date: nothing the lookup could show
                    }
                    correctInstallation.correct(
                            new InstalledMachine(
                                    e.serialNumber(),
                                    e.model(),
                                    e.productLine(),
                                    e.customerId(),
                                    e.customerName(),
                                    e.customerPhone(),
                                    e.address(),
                                    e.regionCode(),
                                    e.dealerId(),
                                    e.installerId(),
                                    e.installedOn(),
                                    e.wholeMachineWarrantyUntil(),
                                    e.mainPartsWarrantyUntil(),
                                    e.revision()),
                            e.corrected().contains(InstallationPart.CUSTOMER));
                })
                .build();
    }
}
