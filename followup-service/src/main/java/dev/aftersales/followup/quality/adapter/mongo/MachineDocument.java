package dev.aftersales.followup.quality.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.followup.quality.domain.Machine;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("machines")
record MachineDocument(
        @Id String id,
        String model,
        String productLine,
        String customerId,
        String dealerId,
        String lastComplaintId,
        Instant lastCompletedAt,
        Integer archiveRevision,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    static MachineDocument of(Machine m) {
        return new MachineDocument(
                m.serialNumber(),
                m.model(),
                m.productLine(),
                m.customerId(),
                m.dealerId(),
                m.lastComplaintId(),
                m.lastCompletedAt(),
                m.archiveRevision(),
                m.version(),
                Outbox.of(m.events()));
    }

    Machine toMachine() {
        return Machine.restore(
                id,
                model,
                productLine,
                customerId,
                dealerId,
                lastComplaintId,
                lastCompletedAt,
                archiveRevision == null ? 0 : archiveRevision,
                version,
                Outbox.eventsOf(outbox));
    }
}
