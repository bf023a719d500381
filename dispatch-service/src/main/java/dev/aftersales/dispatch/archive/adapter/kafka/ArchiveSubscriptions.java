package dev.aftersales.dispatch.archive.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.dispatch.archive.application.ArchiveVisit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The archive reads dispatch's own completions back from its topic: a machine installed or moved on a
 * visit is archived only once the completion is committed and published.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveSubscriptions {

    @Bean
    EventSubscriptions archiveEvents(ArchiveVisit archiveVisit) {
        return EventSubscriptions.builder()
                .on(VisitCompleted.class, archiveVisit::archive)
                .build();
    }
}
