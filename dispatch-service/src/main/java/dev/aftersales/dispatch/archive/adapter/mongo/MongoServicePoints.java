package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.dispatch.archive.domain.ServicePoint;
import dev.aftersales.dispatch.archive.domain.ServicePoints;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Service points and centres: a few hundred at most, so the rule chain reads them whole. */
@Component
class MongoServicePoints implements ServicePoints {

    private final MongoTemplate mongo;

    MongoServicePoints(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void upsert(ServicePoint servicePoint) {
        mongo.save(ServicePointDocument.of(servicePoint));
    }

    @Override
    public List<ServicePoint> all() {
        return mongo.findAll(ServicePointDocument.class).stream()
                .map(ServicePointDocument::toServicePoint)
                .toList();
    }
}
