package dev.aftersales.followup.care.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.followup.care.domain.CareTask;
import dev.aftersales.followup.care.domain.Customer;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("customers")
record CustomerDocument(
        @Id String id,
        String tier,
        Instant lastContactAt,
        Instant nextCareAt,
        int tasksCreated,
        List<CareTask> tasks,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    static CustomerDocument of(Customer c) {
        return new CustomerDocument(
                c.id(),
                c.tier(),
                c.lastContactAt(),
                c.nextCareAt(),
                c.tasksCreated(),
                c.tasks(),
                c.version(),
                Outbox.of(c.events()));
    }

    Customer toCustomer() {
        return Customer.restore(
                id, tier, lastContactAt, nextCareAt, tasksCreated, tasks, version, Outbox.eventsOf(outbox));
    }
}
