package dev.aftersales.dispatch.customer.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.dispatch.customer.domain.Customer;
import dev.aftersales.dispatch.customer.domain.CustomerState;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/** A customer of the master, {@code _id} = customer id, the state's fields at the top level, and the outbox. */
@Document("customers")
record CustomerDocument(
        @Id String id,
        @Unwrapped.Nullable CustomerState state,
        @Version Long version,
        Outbox outbox) implements HasOutbox {

    static CustomerDocument of(Customer customer) {
        return new CustomerDocument(
                customer.id(), customer.snapshot(), customer.version(), Outbox.of(customer.events()));
    }

    Customer toCustomer() {
        return Customer.restore(id, state, version, Outbox.eventsOf(outbox));
    }
}
