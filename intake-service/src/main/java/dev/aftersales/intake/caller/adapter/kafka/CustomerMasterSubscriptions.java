package dev.aftersales.intake.caller.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.dispatch.CustomerChanged;
import dev.aftersales.contracts.dispatch.CustomerErased;
import dev.aftersales.contracts.dispatch.CustomerRecorded;
import dev.aftersales.contracts.dispatch.CustomersMerged;
import dev.aftersales.intake.caller.application.EraseCustomerData;
import dev.aftersales.intake.caller.application.FollowCustomerMaster;
import dev.aftersales.intake.caller.domain.MasterCustomer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dispatch's customer master ({@code dispatch.customers.v1}): intake's copy for the caller lookup, and
 * erasures, which intake carries out in its own documents.
 */
@Configuration(proxyBeanMethods = false)
class CustomerMasterSubscriptions {

    @Bean
    EventSubscriptions customerMaster(FollowCustomerMaster follow, EraseCustomerData erase) {
        return EventSubscriptions.builder()
                .on(CustomerRecorded.class, (ReceivedEvent<CustomerRecorded> event) -> {
                    var e = event.payload();
                    follow.customer(new MasterCustomer(
                            e.customerId(), e.name(), e.phones(), e.tier(), e.consentToContact(), null, false, 0));
                })
                .on(CustomerChanged.class, (ReceivedEvent<CustomerChanged> event) -> {
                    var e = event.payload();
                    follow.customer(new MasterCustomer(
                            e.customerId(),
                            e.name(),
                            e.phones(),
                            e.tier(),
                            e.consentToContact(),
                            null,
                            false,
                            e.revision()));
                })
                .on(CustomersMerged.class, (ReceivedEvent<CustomersMerged> event) -> {
                    var e = event.payload();
                    follow.merged(
                            new MasterCustomer(
                                    e.customerId(),
                                    e.name(),
                                    e.phones(),
                                    e.tier(),
                                    e.consentToContact(),
                                    null,
                                    false,
                                    e.revision()),
                            e.mergedCustomerId());
                })
                .on(CustomerErased.class, (ReceivedEvent<CustomerErased> event) -> {
                    var e = event.payload();
                    erase.erase(e.customerId(), e.formerCustomerIds());
                })
                .build();
    }
}
