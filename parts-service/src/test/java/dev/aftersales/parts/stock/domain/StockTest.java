package dev.aftersales.parts.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.parts.ReplacementReserved;
import dev.aftersales.contracts.parts.ReplacementShipped;
import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.contracts.parts.StockReplenished;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StockTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    /** A line counted and stored: the count's own events (StockReplenished) left with that save. */
    static Stock stocked(int onHand) {
        var stock = Stock.open("D-SH", "FLT-RO-01");
        stock.setOnHand(onHand, 5);
        return Stock.restore(stock.snapshot(), 1L, null);
    }

    static Reservation request(String requestId, String assignmentId, int quantity) {
        return new Reservation(requestId, "C-1", assignmentId, quantity, NOW);
    }

    @Test
    void a_reservation_moves_units_from_available_to_reserved_and_raises_parts_reserved() {
        var stock = stocked(20);

        stock.reserve(request("R-1", "ASG-C-1", 3), NOW);

        assertThat(stock.onHand()).isEqualTo(20);
        assertThat(stock.reserved()).isEqualTo(3);
        assertThat(stock.available()).isEqualTo(17);
        assertThat(Outbox.of(stock.events()).pending())
                .singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EventCatalog.PARTS_RESERVED.type()));
    }

    @Test
    void never_reserves_more_than_is_available() {
        var stock = stocked(2);
        stock.reserve(request("R-1", "ASG-C-1", 2), NOW);

        assertThat(stock.canSupply(1)).isFalse();
        assertThatThrownBy(() -> stock.reserve(request("R-2", "ASG-C-2", 1), NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThat(stock.available()).isZero();
    }

    @Test
    void a_request_is_reserved_only_once() {
        var stock = stocked(20);
        stock.reserve(request("R-1", "ASG-C-1", 1), NOW);

        assertThat(stock.hasHandled("R-1")).isTrue();
        assertThatThrownBy(() -> stock.reserve(request("R-1", "ASG-C-1", 1), NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThat(stock.reserved()).isEqualTo(1);
    }

    @Test
    void on_hand_cannot_be_set_below_what_is_reserved() {
        var stock = stocked(10);
        stock.reserve(request("R-1", "ASG-C-1", 4), NOW);

        assertThat(stock.acceptsOnHand(3)).isFalse();
        assertThatThrownBy(() -> stock.setOnHand(3, 5)).isInstanceOf(IllegalArgumentException.class);
        stock.setOnHand(4, 5);
        assertThat(stock.available()).isZero();
    }

    @Test
    void a_completed_visit_consumes_its_reservations_and_remembers_the_requests() {
        var stock = stocked(10);
        stock.reserve(request("R-1", "ASG-C-1", 2), NOW);
        stock.reserve(request("R-2", "ASG-C-1", 1), NOW);
        stock.reserve(request("R-3", "ASG-C-2", 4), NOW);

        assertThat(stock.consumeReservationsOf("ASG-C-1")).isEqualTo(3);

        assertThat(stock.onHand()).isEqualTo(7);
        assertThat(stock.reserved()).isEqualTo(4);
        assertThat(stock.available()).isEqualTo(3);
        assertThat(stock.holdsReservationsOf("ASG-C-1")).isFalse();
        assertThat(stock.hasHandled("R-1")).isTrue();
        assertThat(stock.consumeReservationsOf("ASG-C-1")).isZero();
        assertThat(stock.onHand()).isEqualTo(7);
    }

    @Test
    void a_stored_line_holding_more_than_is_on_hand_is_refused() {
        assertThatThrownBy(() -> Stock.restore(
                        new StockState(
                                "D-SH",
                                "FLT-RO-01",
                                1,
                                0,
                                java.util.List.of(request("R-1", "ASG-C-1", 2)),
                                java.util.List.of(),
                                java.util.List.of(),
                                null),
                        3L,
                        null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void raises_stock_low_once_when_available_falls_below_the_reorder_point() {
        var stock = stocked(6);
        stock.reserve(request("R-1", "ASG-C-1", 1), NOW);
        stock.reserve(request("R-2", "ASG-C-2", 1), NOW);
        stock.reserve(request("R-3", "ASG-C-3", 1), NOW);

        assertThat(Outbox.of(stock.events()).pending())
                .extracting(e -> e.type())
                .containsExactly(
                        EventCatalog.PARTS_RESERVED.type(),
                        EventCatalog.PARTS_RESERVED.type(),
                        EventCatalog.STOCK_LOW.type(),
                        EventCatalog.PARTS_RESERVED.type());
    }

    @Test
    void expired_reservations_are_released_but_not_those_in_transit() {
        var stock = stocked(10);
        var later = NOW.plusSeconds(3600);
        stock.reserve(request("R-1", "ASG-C-1", 2).withExpiry(NOW), NOW);
        stock.reserve(request("R-2", "ASG-C-2", 3).withExpiry(later), NOW);

        assertThat(stock.nextExpiry()).isEqualTo(NOW);
        assertThat(stock.releaseExpired(NOW)).extracting(Reservation::requestId).containsExactly("R-1");
        assertThat(stock.releaseExpired(NOW)).isEmpty();
        assertThat(stock.reserved()).isEqualTo(3);
        assertThat(stock.hasHandled("R-1")).isTrue();
        assertThat(stock.nextExpiry()).isEqualTo(later);
    }

    @Test
    void units_that_arrive_or_come_back_raise_stock_replenished_and_units_taken_or_used_do_not() {
        var stock = stocked(10);

        stock.setOnHand(12, 5, NOW);
        stock.reserve(request("R-1", "ASG-C-1", 3).withExpiry(NOW), NOW);
        stock.reserve(request("R-2", "ASG-C-2", 1), NOW);
        stock.consumeReservationsOf("ASG-C-2");
        stock.releaseExpired(NOW);
        stock.setOnHand(8, 5, NOW);

        assertThat(stock.events().raised())
                .extracting(raised -> raised.payload().getClass().getSimpleName())
                .containsExactly(
                        "StockReplenished",
                        "PartsReserved",
                        "PartsReserved",
                        "ReservationReleased",
                        "StockReplenished");
        assertThat(stock.events().raised())
                .filteredOn(raised -> raised.payload() instanceof StockReplenished)
                .allSatisfy(raised -> assertThat(raised.key()).isEqualTo("FLT-RO-01"))
                .extracting(raised -> (StockReplenished) raised.payload())
                .extracting(StockReplenished::units, StockReplenished::available)
                .containsExactly(tuple(2, 12), tuple(3, 11));
    }

    static Reservation goods(String actionId, int quantity) {
        return Reservation.goods("C-9", actionId, quantity, NOW, ReservationSource.OWN_DEALER, NOW, "D-SH");
    }

    @Test
    void goods_of_a_resolution_are_held_with_replacement_reserved_and_stay_when_the_case_is_closed() {
        var stock = stocked(20);

        stock.reserve(goods("A-1", 2), NOW);
        stock.releaseComplaint("C-9", "CANCELLED", NOW);
        stock.releaseAssignment("ASG-C-9", "WITHDRAWN", NOW);
        stock.consumeReservationsOf("ASG-C-9");

        assertThat(stock.events().raised())
                .extracting(raised -> raised.payload().getClass().getSimpleName())
                .containsExactly(ReplacementReserved.class.getSimpleName());
        assertThat(stock.reserved()).isEqualTo(2);
        assertThat(stock.heldFor(Reservation.goodsRequestIdOf("C-9", "A-1"))).isEqualTo(2);
    }

    @Test
    void shipped_goods_leave_the_line_with_their_units_once() {
        var stock = stocked(20);
        stock.reserve(goods("A-1", 2), NOW);
        var requestId = Reservation.goodsRequestIdOf("C-9", "A-1");

        assertThat(stock.shipGoods(requestId, "SF-1", "dealer-1", NOW)).isTrue();
        assertThat(stock.shipGoods(requestId, "SF-1", "dealer-1", NOW)).isFalse();

        assertThat(stock.onHand()).isEqualTo(18);
        assertThat(stock.reserved()).isZero();
        assertThat(stock.events().raised())
                .extracting(raised -> raised.payload().getClass().getSimpleName())
                .containsExactly(ReplacementReserved.class.getSimpleName(), ReplacementShipped.class.getSimpleName());
        assertThat(stock.hasHandled(requestId)).as("never held here again").isTrue();
    }

    @Test
    void a_withdrawn_assignment_releases_only_its_own_reservations() {
        var stock = stocked(5);
        stock.reserve(request("R-1", "ASG-C-1", 2), NOW);
        stock.reserve(request("R-2", "ASG-C-2", 1), NOW);

        assertThat(stock.releaseAssignment("ASG-C-1", "WITHDRAWN", NOW))
                .extracting(Reservation::requestId)
                .containsExactly("R-1");
        assertThat(stock.releaseAssignment("ASG-C-1", "WITHDRAWN", NOW)).isEmpty();
        assertThat(stock.reservations()).extracting(Reservation::requestId).containsExactly("R-2");
    }
}
