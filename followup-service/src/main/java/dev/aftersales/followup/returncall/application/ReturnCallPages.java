package dev.aftersales.followup.returncall.application;

import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import java.util.List;

/**
 * The return-call lists, a page at a time in (scheduledAt, id) order: when the call was scheduled,
 * which no try changes. The due time is only a filter: every try moves it, so a page walk ordered by
 * it would show a call again (or skip it) once an agent worked it between two pages.
 */
public interface ReturnCallPages {

    /** Calls matching {@code filter}, the earliest scheduled first, after the page's position. */
    List<ReturnCall> matching(ListReturnCalls.Filter filter, PageRequest page);
}
