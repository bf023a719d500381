package dev.aftersales.dispatch.customer.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The customer master, and its phone keys: one key document per E.164 number naming its customer, so a
 * lookup by phone is one read by key (the embedded store ignores non-unique indexes).
 */
public interface Customers {

    Optional<Customer> find(String customerId);

    /** @return false when a customer with this id exists already */
    boolean add(Customer customer);

    /** Saves with the optimistic lock on its version; a concurrent change fails. */
    void save(Customer customer);

    Optional<String> ownerOfPhone(String phoneKey);

    /** Gives {@code phoneKey} to {@code customerId} unless it has an owner: false when it had one. */
    boolean claimPhone(String phoneKey, String customerId);

    /** Gives {@code phoneKey} to {@code customerId} whoever had it (a merge moves the merged customer's phones). */
    void pointPhone(String phoneKey, String customerId);

    /** Forgets {@code phoneKey} (an erasure): a later row with it meets a new customer. */
    void releasePhone(String phoneKey);

    /*
     * The same for many at once, for an import's chunk: one round trip each where the store allows
     * (the defaults take one per item).
     */

    /** The owners of those of {@code phoneKeys} the master knows, by key. */
    default Map<String, String> ownersOfPhones(Collection<String> phoneKeys) {
        var owners = new HashMap<String, String>();
        for (var key : phoneKeys) {
            ownerOfPhone(key).ifPresent(owner -> owners.put(key, owner));
        }
        return owners;
    }

    /** Those of {@code customerIds} the master holds (whatever their state). */
    default Set<String> existing(Collection<String> customerIds) {
        var found = new HashSet<String>();
        for (var id : customerIds) {
            find(id).ifPresent(customer -> found.add(id));
        }
        return found;
    }

    /** {@link #add} for many new customers, each with its outbox; @return the ids added (the others existed) */
    default Set<String> addAll(List<Customer> newCustomers) {
        var added = new HashSet<String>();
        for (var customer : newCustomers) {
            if (add(customer)) {
                added.add(customer.id());
            }
        }
        return added;
    }

    /** {@link #claimPhone} for many keys, each to its customer; @return the keys claimed (the others had an owner) */
    default Set<String> claimPhones(Map<String, String> customerByPhoneKey) {
        var claimed = new HashSet<String>();
        customerByPhoneKey.forEach((key, customerId) -> {
            if (claimPhone(key, customerId)) {
                claimed.add(key);
            }
        });
        return claimed;
    }
}
