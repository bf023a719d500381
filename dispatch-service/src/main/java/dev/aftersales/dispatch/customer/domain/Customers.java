package dev.aftersales.dispatch.customer.domain;

import java.util.Optional;

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
}
