package dev.aftersales.followup.care.application;

import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.domain.CareTask;
import dev.aftersales.followup.care.domain.Customer;
import dev.aftersales.followup.care.domain.Customers;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** Proactive care's lists: the care tasks created, and the silent customers. */
@Service
public class ListCare {

    private final Customers customers;
    private final FollowupProperties properties;
    private final Clock clock;

    ListCare(Customers customers, FollowupProperties properties, Clock clock) {
        this.customers = customers;
        this.properties = properties;
        this.clock = clock;
    }

    public List<CareTask> tasks() {
        return customers.withTasks().stream()
                .flatMap(c -> c.tasks().stream())
                .sorted(Comparator.comparing(CareTask::dueAt).thenComparing(CareTask::id))
                .toList();
    }

    /** Customers without contact for the configured period (default 180 days), the longest silent first. */
    public List<Customer> silent() {
        return customers.lastContactBy(clock.instant().minus(properties.silentAfter()));
    }
}
