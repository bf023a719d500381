package dev.aftersales.followup.care.application;

import dev.aftersales.followup.care.domain.Customer;
import dev.aftersales.followup.care.domain.Customers;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** We heard from (or reached) a customer: they are not silent. Once per event. */
@Service
public class RecordCustomerContact {

    private final Customers customers;

    RecordCustomerContact(Customers customers) {
        this.customers = customers;
    }

    public void record(String eventId, String customerId, Instant at) {
        var customer = customers.find(customerId).orElseGet(() -> Customer.first(customerId));
        if (!customer.events().firstDelivery(eventId)) {
            return;
        }
        customer.contacted(at);
        customers.save(customer);
    }
}
