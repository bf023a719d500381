package dev.aftersales.followup.care.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.application.RecordCustomerContact;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Contact with a customer, as other services report it: a complaint they registered, an
 * installation at their place. A customer heard from is not silent. Once per event (its id is
 * recorded in the customer's own save).
 */
@Configuration(proxyBeanMethods = false)
class CareSubscriptions {

    @Bean
    EventSubscriptions careEvents(RecordCustomerContact customerContact, FollowupProperties properties) {
        return EventSubscriptions.builder()
                .on(ComplaintRegistered.class, event -> {
                    var c = event.payload();
                    if (c.customerId() != null) {
                        customerContact.record(event.id(), c.customerId(), c.registeredAt());
                    }
                })
                .on(InstallationRecorded.class, event -> {
                    var i = event.payload();
                    if (i.customerId() != null) {
                        customerContact.record(
                                event.id(),
                                i.customerId(),
                                i.installedOn()
                                        .atStartOfDay(properties.businessZone())
                                        .toInstant());
                    }
                })
                .build();
    }
}
