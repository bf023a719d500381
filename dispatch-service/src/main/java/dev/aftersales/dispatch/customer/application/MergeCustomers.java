package dev.aftersales.dispatch.customer.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.dispatch.customer.domain.Customer;
import dev.aftersales.dispatch.customer.domain.CustomerGoneException;
import dev.aftersales.dispatch.customer.domain.Customers;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * A supervisor or operations finds two customers of the master to be one person: the second becomes the
 * first ({@code CustomersMerged}); its phones then find the first. Two documents, no transaction: the
 * survivor is written first (it holds everything), then the phone keys move, then the merged one becomes
 * a pointer; a crash in between leaves the merged one still current, and merging again finishes.
 */
@Service
public class MergeCustomers {

    private static final ConflictRetry RETRY = ConflictRetry.upTo(5);

    private final Customers customers;
    private final Clock clock;

    MergeCustomers(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    public Customer merge(String customerId, String mergedCustomerId, Caller caller) {
        if (customerId.equals(mergedCustomerId)) {
            throw new InvalidRequestException("customerId", "names the customer itself");
        }
        return RETRY.run(() -> {
            var survivor = CustomerLookup.existing(customers, customerId);
            var merged = CustomerLookup.existing(customers, mergedCustomerId);
            if (merged.mergedInto().filter(customerId::equals).isPresent()) {
                return survivor; // merged before: nothing changes
            }
            try {
                survivor.absorb(merged, caller.userId(), clock.instant());
            } catch (CustomerGoneException e) {
                throw new ConflictException(e.getMessage());
            }
            customers.save(survivor);
            survivor.snapshot().phones().forEach(phone -> customers.pointPhone(phone, customerId));
            customers.save(merged);
            return survivor;
        });
    }
}
