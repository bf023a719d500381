package dev.aftersales.dispatch.customer.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.dispatch.customer.domain.Customer;
import dev.aftersales.dispatch.customer.domain.Customers;

/** Reads of the master shared by the customer use cases. */
final class CustomerLookup {

    private CustomerLookup() {}

    static Customer existing(Customers customers, String customerId) {
        return customers.find(customerId).orElseThrow(() -> new NotFoundException("no customer " + customerId));
    }

    /** The customer {@code customerId} is now: itself, or the one it was merged into. */
    static Customer surviving(Customers customers, String customerId) {
        var customer = existing(customers, customerId);
        for (int hops = 0; hops < 10 && customer.mergedInto().isPresent(); hops++) {
            customer = existing(customers, customer.mergedInto().get());
        }
        return customer;
    }
}
