package dev.aftersales.dispatch.feed.adapter.mongo;

import dev.aftersales.dispatch.feed.domain.TechnicianFeed;
import dev.aftersales.dispatch.feed.domain.TechnicianFeeds;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per technician, read by {@code _id}. A new feed is inserted; a changed one gets
 * only its new entries pushed (capped at {@link TechnicianFeed#RETAINED}) by an update guarded on
 * {@code {_id, version}}: the feed is read whole on each append, but rewriting all its entries on
 * every assignment made the feed the biggest cost of consuming TechnicianAssigned.
 */
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
        if (feed.version() == null) {
            try {
                mongo.insert(TechnicianFeedDocument.of(feed));
            } catch (DuplicateKeyException e) {
                throw new OptimisticLockingFailureException("feed of " + feed.technicianId() + " created meanwhile", e);
            }
            return;
        }
        var appended = feed.appended();
        if (appended.isEmpty()) {
            return;
        }
        var update = new Update().inc("version", 1);
        update.push("entries").slice(-TechnicianFeed.RETAINED).each(appended.toArray());
        var result = mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(feed.technicianId())
                        .and("version")
                        .is(feed.version())),
                update,
                TechnicianFeedDocument.class);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("feed of " + feed.technicianId() + " changed meanwhile");
        }
    }
}
