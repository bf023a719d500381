package dev.aftersales.followup.care.application;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.followup.care.domain.CareTask;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The care tasks created (each customer's latest), by due window, the earliest created first, a page at a
 * time. A care task is the office's, not an agent's: nobody holds one, so every agent and supervisor sees
 * the same list.
 */
@Service
public class ListCareTasks {

    private final CarePages pages;

    ListCareTasks(CarePages pages) {
        this.pages = pages;
    }

    /**
     * @param dueFrom inclusive, null for no lower bound
     * @param dueBefore exclusive, null for no upper bound
     * @throws InvalidRequestException naming {@code to} when the window ends before it starts
     */
    public List<CareTask> page(Instant dueFrom, Instant dueBefore, PageRequest page) {
        if (dueFrom != null && dueBefore != null && dueBefore.isBefore(dueFrom)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        return pages.tasks(dueFrom, dueBefore, page);
    }
}
