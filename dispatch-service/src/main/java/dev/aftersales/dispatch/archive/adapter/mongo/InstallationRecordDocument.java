package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.dispatch.archive.domain.InstallationRecord;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The published facts are kept as plain fields (dates as ISO strings); the customer's name and
 * phone travel only inside the pending event and leave with it.
 */
@Document("installationRecords")
record InstallationRecordDocument(
        @Id String id,
        String serialNumber,
        String dealerId,
        String installerId,
        String installedOn,
        String wholeMachineWarrantyUntil,
        String mainPartsWarrantyUntil,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    static InstallationRecordDocument of(InstallationRecord record) {
        var r = record.recorded();
        return new InstallationRecordDocument(
                record.id(),
                r.serialNumber(),
                r.dealerId(),
                r.installerId(),
                String.valueOf(r.installedOn()),
                r.wholeMachineWarrantyUntil() == null
                        ? null
                        : r.wholeMachineWarrantyUntil().toString(),
                r.mainPartsWarrantyUntil() == null
                        ? null
                        : r.mainPartsWarrantyUntil().toString(),
                record.version(),
                Outbox.of(record.events()));
    }
}
