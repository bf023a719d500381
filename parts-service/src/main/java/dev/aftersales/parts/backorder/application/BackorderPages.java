package dev.aftersales.parts.backorder.application;

import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.parts.backorder.domain.DealerBackorder;
import java.util.List;

/** The store side of a dealer's backorder list. */
public interface BackorderPages {

    /** Up to {@code page.limit() + 1} rows after {@code page}'s position, oldest backorder first (ties by id). */
    List<DealerBackorder> matching(ListBackorders.Filter filter, PageRequest page);
}
