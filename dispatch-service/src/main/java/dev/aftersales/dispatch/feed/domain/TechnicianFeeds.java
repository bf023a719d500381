package dev.aftersales.dispatch.feed.domain;

import java.util.Optional;

public interface TechnicianFeeds {

    Optional<TechnicianFeed> byTechnician(String technicianId);

    /** Creates or updates the feed if nobody changed it since it was read; else the store's optimistic-locking error. */
    void save(TechnicianFeed feed);
}
