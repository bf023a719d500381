package dev.aftersales.followup.care.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.domain.Customer;
import dev.aftersales.followup.care.domain.Customers;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * We heard from (or reached) a customer: they are not silent, and their tier's care is due one period
 * after this contact at the earliest. Once per event.
 */
@Service
public class RecordCustomerContact {

    /** A supervisor's tier may insert the customer's first record at the same moment. */
    private static final ConflictRetry CONCURRENT_FIRST_RECORD =
            ConflictRetry.upTo(3).alsoOnDuplicateKey();

    private final Customers customers;
    private final FollowupProperties properties;

    RecordCustomerContact(Customers customers, FollowupProperties properties) {
        this.customers = customers;
        this.properties = properties;
    }

    public void record(String eventId, String customerId, Instant at) {
        CONCURRENT_FIRST_RECORD.run(() -> {
            var customer = customers.find(customerId).orElseGet(() -> Customer.first(customerId));
            if (!customer.events().firstDelivery(eventId)) {
                return;
            }
            customer.contacted(at, properties.carePeriodOf(customer.tier()));
            customers.save(customer);
        });
    }
}
