package dev.aftersales.followup.care.application;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.domain.Customer;
import dev.aftersales.followup.care.domain.Customers;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * A supervisor puts a customer in a care tier; its periodic task (if any) is first due one period after
 * the customer's last contact, so a customer silent for longer gets one at the next sweep.
 */
@Service
public class SetCustomerTier {

    /**
     * The customer's first record may be inserted at the same moment by a consumed contact (an
     * installation announced by an import): read again and tier the record that won.
     */
    private static final ConflictRetry FIRST_WRITER_WINS = ConflictRetry.upTo(3).alsoOnDuplicateKey();

    private final Customers customers;
    private final FollowupProperties properties;
    private final Clock clock;

    SetCustomerTier(Customers customers, FollowupProperties properties, Clock clock) {
        this.customers = customers;
        this.properties = properties;
        this.clock = clock;
    }

    public Customer set(String customerId, String tier) {
        var care = properties.tiers().get(tier);
        if (care == null) {
            throw new InvalidRequestException(
                    "tier", "must be one of " + properties.tiers().keySet());
        }
        return FIRST_WRITER_WINS.run(() -> {
            var customer = customers.find(customerId).orElseGet(() -> Customer.first(customerId));
            customer.tiered(tier, properties.carePeriodOf(tier), clock.instant());
            customers.save(customer);
            return customer;
        });
    }
}
