package dev.aftersales.followup.care.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.followup.care.domain.Customer;
import dev.aftersales.followup.care.domain.CustomerState;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/** A customer as stored: their state's fields at the top level of the document (unwrapped), the version and outbox. */
@Document("customers")
record CustomerDocument(
        @Id String id,
        @Unwrapped.Nullable CustomerState customer,
        @Version Long version,
        Outbox outbox) implements HasOutbox {

    static CustomerDocument of(Customer c) {
        return new CustomerDocument(c.id(), c.snapshot(), c.version(), Outbox.of(c.events()));
    }

    Customer toCustomer() {
        return Customer.restore(id, customer, version, Outbox.eventsOf(outbox));
    }
}
