package dev.aftersales.dispatch.customer.adapter.web;

import dev.aftersales.dispatch.customer.domain.Alias;
import dev.aftersales.dispatch.customer.domain.Customer;
import java.util.List;

/**
 * A customer of the master as the office sees them. Personal data: read through audited, rate-limited
 * doors only.
 *
 * @param aliases other names the customer's phones came with; ON_MERGE_LIST ones wait for a decision
 * @param mergedInto set when this customer was merged into another: read that one
 */
record CustomerView(
        String customerId,
        String name,
        List<String> phones,
        List<String> addresses,
        String tier,
        boolean consentToContact,
        List<Alias> aliases,
        String mergedInto,
        List<String> mergedCustomerIds,
        boolean erased,
        int revision) {

    static CustomerView of(Customer customer) {
        var s = customer.snapshot();
        return new CustomerView(
                customer.id(),
                s.name(),
                s.phones(),
                s.addresses(),
                s.tier(),
                s.consentToContact(),
                s.aliases(),
                s.mergedInto(),
                s.mergedIds(),
                s.erased(),
                s.revision());
    }
}
