package dev.aftersales.parts.planning.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.parts.planning.application.RecordDemand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What planning learns from dispatch: the installed base (InstallationRecorded) and the parts used on
 * it (VisitCompleted, handled by reservations too; recording a usage twice keeps one, by event id).
 * InstallationCorrected is not taken: the installed base counts machines by model and dealer, which a
 * correction never changes.
 */
@Configuration(proxyBeanMethods = false)
class PlanningSubscriptions {

    @Bean
    EventSubscriptions planningEvents(RecordDemand recordDemand) {
        return EventSubscriptions.builder()
                .on(VisitCompleted.class, event -> recordDemand.visitCompleted(event.id(), event.payload()))
                .on(InstallationRecorded.class, event -> recordDemand.installed(event.payload()))
                .build();
    }
}
