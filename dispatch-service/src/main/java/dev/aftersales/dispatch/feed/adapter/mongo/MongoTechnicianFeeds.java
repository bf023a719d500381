package dev.aftersales.dispatch.feed.adapter.mongo;

import dev.aftersales.dispatch.feed.domain.TechnicianFeed;
import dev.aftersales.dispatch.feed.domain.TechnicianFeeds;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** One document per technician, read by {@code _id}; a new feed is inserted, a changed one saved on its version. */
@Component
class MongoTechnicianFeeds implements TechnicianFeeds {

    private final MongoTemplate mongo;

    MongoTechnicianFeeds(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<TechnicianFeed> byTechnician(String technicianId) {
        return Optional.ofNullable(mongo.findById(technicianId, TechnicianFeedDocument.class))
                .map(TechnicianFeedDocument::toFeed);
    }

    @Override
    public void save(TechnicianFeed feed) {
        try {
            mongo.save(TechnicianFeedDocument.of(feed));
        } catch (DuplicateKeyException e) {
            throw new OptimisticLockingFailureException("feed of " + feed.technicianId() + " created meanwhile", e);
        }
    }
}
