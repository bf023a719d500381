package dev.aftersales.intake.caller.application;

import dev.aftersales.intake.caller.domain.MasterCustomer;
import dev.aftersales.intake.caller.domain.MasterCustomers;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Keeps intake's copy of dispatch's customer master, so the caller lookup shows the master's name and
 * tier. An entry is replaced only by a newer revision: a redelivered or replayed event changes nothing
 * (the master's events of one customer share a partition and arrive in order).
 */
@Service
public class FollowCustomerMaster {

    private final MasterCustomers customers;

    FollowCustomerMaster(MasterCustomers customers) {
        this.customers = customers;
    }

    public void customer(MasterCustomer customer) {
        var current = customers.find(customer.customerId());
        if (current.isPresent()
                && (current.get().erased()
                        || current.get().revision() >= customer.revision() && customer.revision() > 0)) {
            return;
        }
        customers.put(customer);
    }

    /** {@code mergedCustomerId} is now {@code survivor}: the lookup shows the survivor for its machines. */
    public void merged(MasterCustomer survivor, String mergedCustomerId) {
        customer(survivor);
        var merged = customers.find(mergedCustomerId);
        if (merged.map(MasterCustomer::erased).orElse(false)) {
            return;
        }
        customers.put(new MasterCustomer(
                mergedCustomerId,
                null,
                null,
                null,
                survivor.consentToContact(),
                survivor.customerId(),
                false,
                merged.map(MasterCustomer::revision).orElse(0) + 1));
    }

    /** The master's customer a machine's customer id stands for now (after merges); empty when unknown. */
    public Optional<MasterCustomer> current(String customerId) {
        var customer = customerId == null ? Optional.<MasterCustomer>empty() : customers.find(customerId);
        for (int hops = 0; hops < 10 && customer.isPresent() && customer.get().mergedInto() != null; hops++) {
            customer = customers.find(customer.get().mergedInto());
        }
        return customer;
    }
}
