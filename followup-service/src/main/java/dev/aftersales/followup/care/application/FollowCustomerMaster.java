package dev.aftersales.followup.care.application;

import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.domain.Customer;
import dev.aftersales.followup.care.domain.Customers;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Takes a customer's care tier and consent to be contacted from dispatch's customer master, which wins
 * over a tier a supervisor set here (the door stays for customers the master has no tier for). A tier
 * this service has no care rule for is kept as the tier without periodic care. An erased customer may no
 * longer be contacted. Once per event and revision.
 */
@Service
public class FollowCustomerMaster {

    private final Customers customers;
    private final FollowupProperties properties;
    private final Clock clock;

    FollowCustomerMaster(Customers customers, FollowupProperties properties, Clock clock) {
        this.customers = customers;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param tier null when the master gave none */
    public void customer(String eventId, String customerId, String tier, boolean consentToContact, int revision) {
        var customer = customers.find(customerId).orElseGet(() -> Customer.first(customerId));
        if (!customer.events().firstDelivery(eventId)) {
            return;
        }
        var resulting = tier == null ? customer.tier() : tier;
        customer.fromMaster(tier, properties.carePeriodOf(resulting), consentToContact, revision, clock.instant());
        customers.save(customer);
    }

    /** The customer was erased: no more care calls; follow-up holds no name or phone of theirs. */
    public void erased(String eventId, String customerId) {
        customer(eventId, customerId, null, false, Integer.MAX_VALUE);
    }
}
