package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.dispatch.archive.domain.InstallationRecord;
import dev.aftersales.dispatch.archive.domain.InstallationRecords;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Inserted, never replaced: the unique id makes a repeated report publish nothing. */
@Component
class MongoInstallationRecords implements InstallationRecords {

    private final MongoTemplate mongo;

    MongoInstallationRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean add(InstallationRecord record) {
        try {
            mongo.insert(InstallationRecordDocument.of(record));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<InstallationRecord> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, InstallationRecordDocument.class))
                .map(d -> InstallationRecord.restore(d.id(), null, d.version(), Outbox.eventsOf(d.outbox())));
    }
}
