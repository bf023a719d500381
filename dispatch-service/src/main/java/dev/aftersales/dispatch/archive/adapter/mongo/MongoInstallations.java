package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Installations;
import java.util.Optional;
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
    public Optional<Installation> bySerialNumber(String serialNumber) {
        return Optional.ofNullable(mongo.findById(serialNumber, InstallationDocument.class))
                .map(InstallationDocument::toInstallation);
    }
}
