package dev.aftersales.followup.quality.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.dispatch.InstallationCorrected;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.followup.quality.application.DetectRepeatFailure;
import dev.aftersales.followup.quality.application.UpdateMachine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The machine's side of the quality loop: what the archive says it is (as installed, as corrected),
 * its completed visits, and each new complaint about it checked for a repeat failure. Each event is
 * applied once: its id is recorded in the machine's own save.
 */
@Configuration(proxyBeanMethods = false)
class QualitySubscriptions {

    @Bean
    EventSubscriptions qualityEvents(UpdateMachine machine, DetectRepeatFailure repeatFailure) {
        return EventSubscriptions.builder()
                .on(ComplaintRegistered.class, event -> {
                    var c = event.payload();
                    repeatFailure.check(event.id(), c.serialNumber(), c.complaintId(), c.model(), c.registeredAt());
                })
                .on(VisitCompleted.class, event -> {
                    var v = event.payload();
                    machine.apply(
                            event.id(), v.serialNumber(), m -> m.visitCompleted(v.complaintId(), v.completedAt()));
                })
                .on(InstallationRecorded.class, event -> {
                    var i = event.payload();
                    machine.apply(
                            event.id(),
                            i.serialNumber(),
                            m -> m.installed(i.model(), i.productLine(), i.customerId(), i.dealerId()));
                })
                // The machine's customer may have been corrected; a correction applies only when newer.
                .on(InstallationCorrected.class, event -> {
                    var c = event.payload();
                    machine.apply(
                            event.id(),
                            c.serialNumber(),
                            m -> m.corrected(c.revision(), c.model(), c.productLine(), c.customerId(), c.dealerId()));
                })
                .build();
    }
}
