package dev.aftersales.followup.care.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.dispatch.CustomerChanged;
import dev.aftersales.contracts.dispatch.CustomerErased;
import dev.aftersales.contracts.dispatch.CustomerRecorded;
import dev.aftersales.contracts.dispatch.CustomersMerged;
import dev.aftersales.followup.care.application.FollowCustomerMaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dispatch's customer master ({@code dispatch.customers.v1}): care tiers and consent to be contacted. A
 * merged customer's id keeps its own care record here; the survivor's tier and consent apply to both.
 */
@Configuration(proxyBeanMethods = false)
class CustomerMasterSubscriptions {

    @Bean
    EventSubscriptions customerMaster(FollowCustomerMaster master) {
        return EventSubscriptions.builder()
                .on(CustomerRecorded.class, event -> {
                    var e = event.payload();
                    master.customer(event.id(), e.customerId(), e.tier(), e.consentToContact(), 0);
                })
                .on(CustomerChanged.class, event -> {
                    var e = event.payload();
                    master.customer(event.id(), e.customerId(), e.tier(), e.consentToContact(), e.revision());
                })
                .on(CustomersMerged.class, event -> {
                    var e = event.payload();
                    master.customer(event.id(), e.customerId(), e.tier(), e.consentToContact(), e.revision());
                    master.customer(event.id(), e.mergedCustomerId(), e.tier(), e.consentToContact(), e.revision());
                })
                .on(CustomerErased.class, event -> {
                    var e = event.payload();
                    master.erased(event.id(), e.customerId());
                    if (e.formerCustomerIds() != null) {
                        e.formerCustomerIds().forEach(id -> master.erased(event.id(), id));
                    }
                })
                .build();
    }
}
