package dev.aftersales.parts.transfer.application;

import dev.aftersales.chassis.paging.PageRequest;
import java.util.List;

/** The store side of a dealer's transfer list. */
public interface TransferPages {

    /** Up to {@code page.limit() + 1} rows after {@code page}'s position, newest request first (ties by id). */
    List<TransferRow> matching(ListTransfers.Filter filter, PageRequest page);
}
