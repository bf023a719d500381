package dev.aftersales.followup.care.application;

import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.followup.care.domain.CareTask;
import dev.aftersales.followup.care.domain.Customer;
import java.time.Instant;
import java.util.List;

/** The care lists, a page at a time. */
public interface CarePages {

    /**
     * Care tasks due in {@code [dueFrom, dueBefore)} (either bound may be null) in (createdAt, id) order:
     * when the task was created, which nothing changes, so a walk over the pages sees each task once.
     */
    List<CareTask> tasks(Instant dueFrom, Instant dueBefore, PageRequest page);

    /**
     * Customers whose last contact was at or before {@code cutoff}, in (lastContactAt, id) order: the
     * longest silent first. A contact moves a customer out of the list, except one that is itself older
     * than the cutoff (a historical installation imported late): that customer may show again further on.
     */
    List<Customer> silentSince(Instant cutoff, PageRequest page);
}
