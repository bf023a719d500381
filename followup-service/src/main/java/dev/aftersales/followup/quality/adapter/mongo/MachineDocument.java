package dev.aftersales.followup.quality.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.followup.quality.domain.Machine;
import dev.aftersales.followup.quality.domain.MachineState;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/** A machine as stored, by serial number: its state's fields at the top level (unwrapped), its version and outbox. */
@Document("machines")
record MachineDocument(
        @Id String id,
        @Unwrapped.Nullable MachineState machine,
        @Version Long version,
        Outbox outbox) implements HasOutbox {

    static MachineDocument of(Machine m) {
        return new MachineDocument(m.serialNumber(), m.snapshot(), m.version(), Outbox.of(m.events()));
    }

    Machine toMachine() {
        return Machine.restore(id, machine, version, Outbox.eventsOf(outbox));
    }
}
