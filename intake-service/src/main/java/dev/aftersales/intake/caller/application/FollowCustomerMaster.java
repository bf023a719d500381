package dev.aftersales.intake.caller.application;

import dev.aftersales.intake.caller.domain.MasterCustomer;
import dev.aftersales.intake.caller.domain.MasterCustomers;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Keeps intake's copy of dispatch's customer master, so the caller lookup shows the master's name and
 * tier. An entry is replaced only by a newer revision: a redelivered or replayed event changes nothing
 * (the master's events of one customer share a partition and arrive in order).
 */
@Service
public class FollowCustomerMaster {

    /** Bounds the reads of one lookup: more ids behind one phone is a shared switchboard, not a caller. */
    private static final int MAX_CUSTOMER_IDS = 50;

    private final MasterCustomers customers;

    FollowCustomerMaster(MasterCustomers customers) {
        this.customers = customers;
    }

    /**
     * A customer merged into another stays a pointer: the master changes a merged id no more, so its record
     * or change arriving after the merge (its own partition, e.g. on a replay) is one from before it.
     */
    public void customer(MasterCustomer customer) {
        var current = customers.find(customer.customerId());
        if (current.isPresent()
                && (current.get().erased()
                        || current.get().mergedInto() != null
                        || current.get().revision() >= customer.revision() && customer.revision() > 0)) {
            return;
        }
        customers.put(customer, current);
    }

    /** {@code mergedCustomerId} is now {@code survivor}: the lookup shows the survivor for its machines. */
    public void merged(MasterCustomer survivor, String mergedCustomerId) {
        customer(survivor);
        var merged = customers.find(mergedCustomerId);
        if (merged.map(MasterCustomer::erased).orElse(false)) {
            return;
        }
        // the link first: the pointer below drops the merged customer's phone keys, the survivor's phones
        // (which took them over) then reach the merged customer's machines through it
        customers.addFormer(survivor.customerId(), mergedCustomerId);
        customers.put(
                new MasterCustomer(
                        mergedCustomerId,
                        null,
                        null,
                        null,
                        survivor.consentToContact(),
                        survivor.customerId(),
                        false,
                        merged.map(MasterCustomer::revision).orElse(0) + 1),
                merged);
    }

    /**
     * The customer ids whose machines a caller with this phone owns: every customer of the master who has
     * the phone now, and every customer merged into one of them (at any depth, also when the merges arrived
     * out of order).
     */
    public Set<String> customerIdsWithPhone(String phone) {
        var ids = new LinkedHashSet<String>();
        var next = new ArrayDeque<String>();
        customers.withPhone(phone).forEach(c -> next.add(c.customerId()));
        while (!next.isEmpty() && ids.size() < MAX_CUSTOMER_IDS) {
            var id = next.poll();
            if (ids.add(id)) {
                next.addAll(customers.formerIdsOf(id));
            }
        }
        return ids;
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
