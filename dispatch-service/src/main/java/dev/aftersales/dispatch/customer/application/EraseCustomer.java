package dev.aftersales.dispatch.customer.application;

import dev.aftersales.chassis.erasure.PersonalDataEraser;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.dispatch.customer.domain.Alias;
import dev.aftersales.dispatch.customer.domain.Customer;
import dev.aftersales.dispatch.customer.domain.Customers;
import java.time.Clock;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A customer's request to erase their personal data (PIPL), taken by operations or a supervisor: dispatch's
 * own copies go first (assignments, known cases, events still waiting in an outbox), then the master's
 * record, which publishes {@code CustomerErased} for intake and followup; its phone keys go last. A crash
 * in between is finished by asking again: the copies are found by the master's data, which goes last.
 * Asking for an erased customer changes nothing.
 */
@Service
public class EraseCustomer {

    private static final Logger log = LoggerFactory.getLogger(EraseCustomer.class);
    private static final ConflictRetry RETRY = ConflictRetry.upTo(5);

    private final Customers customers;
    private final CustomerCopies copies;
    private final Clock clock;

    EraseCustomer(Customers customers, CustomerCopies copies, Clock clock) {
        this.customers = customers;
        this.copies = copies;
        this.clock = clock;
    }

    /** Where else dispatch holds a customer's name, phone or address. */
    public interface CustomerCopies {

        /** @return how many documents changed */
        int erase(PersonalDataEraser eraser);
    }

    public Customer erase(String customerId, Caller caller) {
        var customer = CustomerLookup.surviving(customers, customerId);
        if (customer.erased()) {
            return customer;
        }
        var state = customer.snapshot();
        var names = new ArrayList<String>();
        names.add(state.name());
        state.aliases().stream().map(Alias::name).forEach(names::add);
        names.addAll(state.addresses()); // the site of their machines, wherever it is written
        var phones = state.phones();
        var ids = new ArrayList<String>(state.mergedIds());
        ids.add(customer.id());
        var changed = copies.erase(new PersonalDataEraser(names, phones, ids));
        var erased = RETRY.run(() -> {
            var current = CustomerLookup.existing(customers, customer.id());
            if (current.erase(caller.userId(), clock.instant())) {
                customers.save(current);
            }
            return current;
        });
        phones.forEach(customers::releasePhone);
        log.info("customer {} erased; {} other documents of dispatch changed", customer.id(), changed);
        return erased;
    }
}
