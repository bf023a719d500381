package dev.aftersales.followup.care.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Customers known to proactive care. */
public interface Customers {

    Optional<Customer> find(String id);

    /** Inserts or saves with the optimistic lock on its version; a concurrent change fails. */
    void save(Customer customer);

    List<Customer> careDueBy(Instant now);

    /** When the earliest care task falls due, if any customer has one scheduled. */
    Optional<Instant> nextCareDue();

    /** Customers whose last contact was at or before {@code cutoff}, the longest silent first. */
    List<Customer> lastContactBy(Instant cutoff);

    List<Customer> withTasks();
}
