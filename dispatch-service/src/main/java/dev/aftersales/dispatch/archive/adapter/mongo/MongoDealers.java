package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.dispatch.archive.domain.Dealer;
import dev.aftersales.dispatch.archive.domain.Dealers;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

@Component
class MongoDealers implements Dealers {

    private final MongoTemplate mongo;

    MongoDealers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void upsert(Dealer dealer) {
        // save() of an unversioned document with an id is a replace-or-insert by _id.
        mongo.save(DealerDocument.of(dealer));
    }
}
