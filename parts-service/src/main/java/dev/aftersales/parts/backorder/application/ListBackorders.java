package dev.aftersales.parts.backorder.application;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.chassis.paging.Position;
import dev.aftersales.parts.backorder.domain.DealerBackorder;
import dev.aftersales.parts.reservation.domain.Backorder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * A dealer's backorders — its technicians' parts requests and the goods it sells that no location
 * could supply — by status and by when they were backordered; oldest first, since the one waiting
 * longest is the one a customer asks about. (The line that serves them also weighs the case's
 * priority, which can change while a dealer pages; the list keeps to age so that its order is stable.)
 */
@Service
public class ListBackorders {

    /** @param from inclusive, {@code to} exclusive: when the request was backordered */
    public record Filter(String dealerId, Backorder.Status status, Instant from, Instant to) {

        public Filter {
            Objects.requireNonNull(dealerId, "dealerId");
        }
    }

    private final BackorderPages pages;

    ListBackorders(BackorderPages pages) {
        this.pages = pages;
    }

    /** Where a backorder stands in the list's order: when it was backordered, then its request id. */
    public static Position position(DealerBackorder backorder) {
        return new Position(backorder.backorderedAt(), backorder.requestId());
    }

    /** @throws InvalidRequestException naming the parameter at fault */
    public List<DealerBackorder> page(Filter filter, PageRequest page) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        return pages.matching(filter, page);
    }
}
