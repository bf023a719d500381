package dev.aftersales.parts.reservation.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds a resolution action's goods and says who may see and ship them: operations, and the dealer
 * who ships them (the one holding them; for a factory's goods, the selling dealer). To any other
 * dealer they do not exist (404, as for an unknown action), so actions of other dealers' customers
 * cannot be probed.
 */
@Component
class ReplacementLookup {

    /** Goods held at a stock line. */
    record Held(Stock line, Reservation goods) {}

    private final Stocks stocks;
    private final Backorders backorders;

    ReplacementLookup(Stocks stocks, Backorders backorders) {
        this.stocks = stocks;
        this.backorders = backorders;
    }

    Optional<Held> held(String requestId) {
        for (var line : stocks.holdingRequest(requestId)) {
            var goods = line.reservationOf(requestId).filter(Reservation::isGoods);
            if (goods.isPresent()) {
                return Optional.of(new Held(line, goods.get()));
            }
        }
        return Optional.empty();
    }

    /** The action's goods as the caller may see them; 404 when unknown or not the caller's. */
    Replacement require(Caller caller, String complaintId, String actionId) {
        var requestId = Reservation.goodsRequestIdOf(complaintId, actionId);
        var held = held(requestId);
        if (held.isPresent()) {
            var goods = held.get().goods();
            var line = held.get().line();
            return allowed(
                    caller,
                    new Replacement(
                            complaintId,
                            actionId,
                            Replacement.Status.RESERVED,
                            line.partNumber(),
                            goods.quantity(),
                            line.locationId(),
                            goods.shippingDealerId(),
                            goods.readyAt()));
        }
        var left = stocks.whereLeft(requestId);
        if (left.isPresent()) {
            // Shipped: the line remembers only that the request left it.
            var line = left.get();
            return allowed(
                    caller,
                    new Replacement(
                            complaintId,
                            actionId,
                            Replacement.Status.SHIPPED,
                            line.partNumber(),
                            null,
                            line.locationId(),
                            line.locationId(),
                            null));
        }
        var waiting =
                backorders.find(requestId).filter(b -> b.isGoods() && b.status().open());
        if (waiting.isPresent()) {
            var backorder = waiting.get();
            return allowed(
                    caller,
                    new Replacement(
                            complaintId,
                            actionId,
                            Replacement.Status.BACKORDERED,
                            backorder.partNumber(),
                            backorder.quantity(),
                            null,
                            backorder.locationId(),
                            null));
        }
        throw notFound(complaintId, actionId);
    }

    private static Replacement allowed(Caller caller, Replacement replacement) {
        if (caller.has(Role.OPS) || caller.isDealer(replacement.shippingDealerId())) {
            return replacement;
        }
        throw notFound(replacement.complaintId(), replacement.actionId());
    }

    private static NotFoundException notFound(String complaintId, String actionId) {
        return new NotFoundException("goods of action " + actionId + " of complaint " + complaintId);
    }
}
