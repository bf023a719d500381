package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.dispatch.archive.domain.Correction;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.InstallationRecord;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A machine's record: the installation facts at the top level of the document (unwrapped; what the
 * rule chain reads by {@code _id}), their correction history and the outbox. {@code installedOn} is
 * an ISO date string ({@link StoreConversions}). Imported machines start at version 0 with no history.
 * Records stored before the facts were unwrapped lack the {@code serialNumber} field: {@link
 * OlderMachineRecords} fills it in from {@code _id} as they are read.
 */
@Document("installations")
record InstallationDocument(
        @Id String id,
        @Unwrapped.Nullable Installation installation,
        List<Correction> corrections,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    static InstallationDocument of(Installation installation) {
        return new InstallationDocument(installation.serialNumber(), installation, List.of(), null, null);
    }

    static InstallationDocument of(InstallationRecord record) {
        return new InstallationDocument(
                record.serialNumber(),
                record.installation(),
                record.corrections(),
                record.version(),
                Outbox.of(record.events()));
    }

    InstallationRecord toRecord() {
        return InstallationRecord.restore(installation, corrections, version, Outbox.eventsOf(outbox));
    }
}
