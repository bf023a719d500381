package dev.aftersales.followup.care.application;

import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.domain.Customer;
import dev.aftersales.followup.care.domain.Customers;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Customers without contact for the configured period (default 180 days), the longest silent first. */
@Service
public class ListSilentCustomers {

    private final Customers customers;
    private final FollowupProperties properties;
    private final Clock clock;

    ListSilentCustomers(Customers customers, FollowupProperties properties, Clock clock) {
        this.customers = customers;
        this.properties = properties;
        this.clock = clock;
    }

    public List<Customer> list() {
        return customers.lastContactBy(clock.instant().minus(properties.silentAfter()));
    }
}
