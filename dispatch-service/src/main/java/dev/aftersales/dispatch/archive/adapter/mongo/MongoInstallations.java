package dev.aftersales.dispatch.archive.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.outbox.OutboxRelay;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Installations;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Installation facts keyed by serial number, so the lookup of every new case is an {@code _id} read. */
@Component
class MongoInstallations implements Installations {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    MongoInstallations(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        // For MongoDB proper (the embedded store ignores non-unique indexes): the installed-base gauges count
        // a dealer's machines
        mongo.indexOps(InstallationDocument.class).createIndex(new Index("dealerId", Sort.Direction.ASC));
    }

    @Override
    public void add(Installation installation) {
        addAll(List.of(installation));
    }

    @Override
    public void addAll(List<Installation> rows) {
        insertNew(mongo, relay, rows.stream().map(InstallationDocument::of).toList());
    }

    /**
     * Upserts that only ever insert ({@code $setOnInsert}): an archived machine keeps its record,
     * history and pending events, also when two imports race; a new one is written with its outbox in
     * the same write. New records start at version 0 so that their first correction is an ordinary
     * optimistic save.
     *
     * <p>The bulk write bypasses the save hooks, so it does their part: the events are marked for the
     * outbox sweep before the write, and those of the machines it inserted are handed to the relay
     * right after it, so imported machines reach intake within seconds.
     */
    static void insertNew(MongoTemplate mongo, OutboxRelay relay, List<InstallationDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        var collection = mongo.getCollectionName(InstallationDocument.class);
        var pending = new LinkedHashMap<String, List<OutboxEvent>>();
        for (var document : documents) {
            if (document.outbox() != null && document.outbox().hasPending()) {
                pending.put(document.id(), document.outbox().pending());
            }
        }
        relay.mark(collection, pending);
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, InstallationDocument.class);
        for (var document : documents) {
            var fields = new Document();
            mongo.getConverter().write(document, fields);
            var insert = new Update();
            fields.forEach((name, value) -> {
                if (!name.equals("_id") && !name.equals("_class") && !name.equals("version")) {
                    insert.setOnInsert(name, value);
                }
            });
            insert.setOnInsert("version", 0L);
            // A filter on _id alone is an indexed lookup, also on the embedded store.
            bulk.upsert(query(where("_id").is(document.id())), insert);
        }
        var result = bulk.execute();
        for (var upsert : result.getUpserts()) {
            var inserted = documents.get(upsert.getIndex());
            var events = pending.get(inserted.id());
            if (events != null) {
                relay.enqueue(collection, inserted.id(), events);
            }
        }
    }

    /** One read: {@code _id $in} is served by the {@code _id} index, also on the embedded store. */
    @Override
    public Map<String, Installation> bySerialNumbers(Collection<String> serialNumbers) {
        var found = new HashMap<String, Installation>();
        if (!serialNumbers.isEmpty()) {
            mongo.find(query(where("_id").in(serialNumbers)), InstallationDocument.class)
                    .forEach(document -> found.put(document.id(), document.installation()));
        }
        return found;
    }

    @Override
    public Optional<Installation> bySerialNumber(String serialNumber) {
        return Optional.ofNullable(mongo.findById(serialNumber, InstallationDocument.class))
                .map(InstallationDocument::installation);
    }
}
