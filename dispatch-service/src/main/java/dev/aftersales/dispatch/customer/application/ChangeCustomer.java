package dev.aftersales.dispatch.customer.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.dispatch.customer.domain.Alias;
import dev.aftersales.dispatch.customer.domain.Customer;
import dev.aftersales.dispatch.customer.domain.CustomerGoneException;
import dev.aftersales.dispatch.customer.domain.Customers;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * A supervisor or operations changes a customer of the master: name, care tier, consent to be contacted,
 * or a decision on an alias of the merge list. Audited and published ({@code CustomerChanged}).
 */
@Service
public class ChangeCustomer {

    private static final ConflictRetry RETRY = ConflictRetry.upTo(5);

    private final Customers customers;
    private final Clock clock;

    ChangeCustomer(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    public Customer change(String customerId, String name, String tier, Boolean consentToContact, Caller caller) {
        return RETRY.run(() -> {
            var customer = CustomerLookup.existing(customers, customerId);
            try {
                if (customer.change(name, tier, consentToContact, caller.userId(), clock.instant())) {
                    customers.save(customer);
                }
            } catch (CustomerGoneException e) {
                throw new ConflictException(e.getMessage());
            }
            return customer;
        });
    }

    /** @throws dev.aftersales.chassis.application.NotFoundException when the customer has no such alias */
    public Customer decideAlias(String customerId, String alias, Alias.Status decision, Caller caller) {
        return RETRY.run(() -> {
            var customer = CustomerLookup.existing(customers, customerId);
            try {
                if (customer.decideAlias(alias, decision, caller.userId(), clock.instant())) {
                    customers.save(customer);
                }
            } catch (CustomerGoneException e) {
                throw new ConflictException(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new dev.aftersales.chassis.application.NotFoundException(
                        "customer " + customerId + " has no such alias");
            }
            return customer;
        });
    }
}
