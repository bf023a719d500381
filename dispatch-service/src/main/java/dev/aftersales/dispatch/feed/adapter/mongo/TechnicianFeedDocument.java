package dev.aftersales.dispatch.feed.adapter.mongo;

import dev.aftersales.dispatch.feed.domain.FeedEntry;
import dev.aftersales.dispatch.feed.domain.TechnicianFeed;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("technicianFeeds")
record TechnicianFeedDocument(
        @Id String technicianId,
        List<FeedEntry> entries,
        @Version Long version) {

    static TechnicianFeedDocument of(TechnicianFeed feed) {
        return new TechnicianFeedDocument(feed.technicianId(), feed.entries(), feed.version());
    }

    TechnicianFeed toFeed() {
        return new TechnicianFeed(technicianId, entries, version);
    }
}
