package dev.aftersales.dispatch.archive.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.chassis.outbox.OutboxRelay;
import dev.aftersales.dispatch.archive.domain.InstallationRecord;
import dev.aftersales.dispatch.archive.domain.InstallationRecords;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The same {@code installations} documents as {@link MongoInstallations}, read and written whole. A
 * new record is inserted, never upserted: the unique {@code _id} is what refuses a second report of
 * an archived machine, also when two arrive at once.
 */
@Component
class MongoInstallationRecords implements InstallationRecords {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    MongoInstallationRecords(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    @Override
    public boolean add(InstallationRecord record) {
        try {
            mongo.insert(InstallationDocument.of(record));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void addAllNew(List<InstallationRecord> records) {
        MongoInstallations.insertNew(
                mongo, relay, records.stream().map(InstallationDocument::of).toList());
    }

    @Override
    public Optional<InstallationRecord> bySerialNumber(String serialNumber) {
        var document = mongo.findById(serialNumber, InstallationDocument.class);
        if (document != null && document.version() == null) {
            // Written before records were versioned: give it version 0 once, so saves can guard on it.
            mongo.updateFirst(
                    query(where("_id").is(serialNumber).and("version").exists(false)),
                    new Update().set("version", 0L),
                    InstallationDocument.class);
            document = mongo.findById(serialNumber, InstallationDocument.class);
        }
        return Optional.ofNullable(document).map(InstallationDocument::toRecord);
    }

    @Override
    public void save(InstallationRecord record) {
        mongo.save(InstallationDocument.of(record));
    }
}
