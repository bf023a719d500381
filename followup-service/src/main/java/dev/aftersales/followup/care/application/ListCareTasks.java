package dev.aftersales.followup.care.application;

import dev.aftersales.followup.care.domain.CareTask;
import dev.aftersales.followup.care.domain.Customers;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** The care tasks created (the latest of each customer's), the earliest due first. */
@Service
public class ListCareTasks {

    private final Customers customers;

    ListCareTasks(Customers customers) {
        this.customers = customers;
    }

    public List<CareTask> list() {
        return customers.withTasks().stream()
                .flatMap(c -> c.tasks().stream())
                .sorted(Comparator.comparing(CareTask::dueAt).thenComparing(CareTask::id))
                .toList();
    }
}
