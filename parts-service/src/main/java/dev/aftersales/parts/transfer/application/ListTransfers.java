package dev.aftersales.parts.transfer.application;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.parts.stock.domain.TransferStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * A dealer's transfers: the ones it must ship (it is the sender) or the ones it will receive, by
 * status and by when they were requested; newest first. A transfer is listed while a stock line
 * holds it — requested, on the lorry, received until its visit consumes the units or they are
 * released — which is what a dealer has to act on. Who may read which dealer's list is the door's
 * rule (the dealer itself, dispatch, operations).
 */
@Service
public class ListTransfers {

    /** Which side of its transfers a dealer looks at. */
    public enum Side {
        /** Transfers out of the dealer's stock: the ones it ships. */
        SENDER,
        /** Transfers to the dealer: the ones it receives. */
        RECEIVER
    }

    /** @param from inclusive, {@code to} exclusive: when the transfer was requested */
    public record Filter(String dealerId, Side side, TransferStatus status, Instant from, Instant to) {

        public Filter {
            Objects.requireNonNull(dealerId, "dealerId");
        }
    }

    private final TransferPages pages;

    ListTransfers(TransferPages pages) {
        this.pages = pages;
    }

    /** @throws InvalidRequestException naming the parameters at fault */
    public List<TransferRow> page(Filter filter, PageRequest page) {
        var problems = new ArrayList<FieldProblem>();
        if (filter.side() == null) {
            problems.add(
                    new FieldProblem("side", "give SENDER (transfers to ship) or RECEIVER (transfers to receive)"));
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return pages.matching(filter, page);
    }
}
