package dev.aftersales.dispatch.feed.application;

import dev.aftersales.dispatch.feed.domain.FeedEntry;
import dev.aftersales.dispatch.feed.domain.TechnicianFeed;
import dev.aftersales.dispatch.feed.domain.TechnicianFeeds;
import java.util.List;
import org.springframework.stereotype.Service;

/** What a technician's app has not seen yet: the entries of their own feed after the last one it received. */
@Service
public class ReadFeed {

    private final TechnicianFeeds feeds;

    ReadFeed(TechnicianFeeds feeds) {
        this.feeds = feeds;
    }

    /** The whole feed (the newest entries it retains), read once by {@code _id}; empty while nothing was pushed. */
    public List<FeedEntry> entries(String technicianId) {
        return feeds.byTechnician(technicianId).map(TechnicianFeed::entries).orElse(List.of());
    }

    /** @return oldest first; empty while nothing was ever pushed to this technician */
    public List<FeedEntry> after(String technicianId, long lastSeen) {
        return feeds.byTechnician(technicianId)
                .map(feed -> feed.after(lastSeen))
                .orElse(List.of());
    }
}
