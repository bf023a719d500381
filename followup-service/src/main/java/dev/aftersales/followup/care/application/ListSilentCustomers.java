package dev.aftersales.followup.care.application;

import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.domain.Customer;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Customers without contact for the configured period (default 180 days), the longest silent first. */
@Service
public class ListSilentCustomers {

    private final CarePages pages;
    private final FollowupProperties properties;
    private final Clock clock;

    ListSilentCustomers(CarePages pages, FollowupProperties properties, Clock clock) {
        this.pages = pages;
        this.properties = properties;
        this.clock = clock;
    }

    /** One page; the cutoff moves with the clock, so a later page may hold a customer who fell silent meanwhile. */
    public List<Customer> page(PageRequest page) {
        return pages.silentSince(clock.instant().minus(properties.silentAfter()), page);
    }
}
