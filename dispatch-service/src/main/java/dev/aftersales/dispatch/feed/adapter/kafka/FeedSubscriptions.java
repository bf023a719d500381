package dev.aftersales.dispatch.feed.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.dispatch.AssignmentCancelled;
import dev.aftersales.contracts.dispatch.AssignmentDeclined;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.dispatch.feed.application.RecordInFeed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feed reads dispatch's own events back from its topic: an entry is written only once the
 * assignment's change is committed and published, so the phone is never told of a change that was lost.
 */
@Configuration(proxyBeanMethods = false)
class FeedSubscriptions {

    @Bean
    EventSubscriptions feedEvents(RecordInFeed recordInFeed) {
        return EventSubscriptions.builder()
                .on(TechnicianAssigned.class, recordInFeed::assigned)
                .on(AssignmentDeclined.class, recordInFeed::withdrawn)
                .on(AssignmentCancelled.class, recordInFeed::cancelled)
                .build();
    }
}
