package dev.aftersales.dispatch.archive.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Installations;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Installation records keyed by serial number, so the lookup of every new case is an {@code _id} read. */
@Component
class MongoInstallations implements Installations {

    private final MongoTemplate mongo;

    MongoInstallations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void upsert(Installation installation) {
        mongo.save(InstallationDocument.of(installation));
    }

    @Override
    public void upsertAll(List<Installation> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, InstallationDocument.class);
        for (var installation : rows) {
            // A filter on _id alone is an indexed lookup, also on the embedded store.
            bulk.replaceOne(
                    query(where("_id").is(installation.serialNumber())),
                    InstallationDocument.of(installation),
                    FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }

    @Override
    public Optional<Installation> bySerialNumber(String serialNumber) {
        return Optional.ofNullable(mongo.findById(serialNumber, InstallationDocument.class))
                .map(InstallationDocument::toInstallation);
    }
}
