package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.contracts.parts.StockReplenished;
import dev.aftersales.parts.reservation.application.ReleaseReservations;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Backorders wait in line (priority, then age) and are served as soon as units become available: the
 * stock line announces them (StockReplenished) and reservations' own Kafka door serves the line.
 */
@ServiceSliceTest
class BackorderServingTest {

    static final String DEALER = "D-BO";
    static final String PART = "VALVE-BO";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    SetStock setStock;

    @Autowired
    ReleaseReservations releaseReservations;

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    CaseFacts caseFacts;

    @Autowired
    Backorders backorders;

    @Autowired
    Stocks stocks;

    @Autowired
    MutableClock clock;

    ReservationOutcome request(String n, Priority priority) {
        caseFacts.recordPriority("C-bo-" + n, priority, clock.instant(), false);
        var outcome = reserveParts.reserve(new ReservePartsCommand(
                UUID.randomUUID().toString(), "RQ-bo-" + n, "C-bo-" + n, "ASG-C-bo-" + n, DEALER, PART, 1));
        clock.advance(Duration.ofMinutes(1));
        return outcome;
    }

    ReservationOutcome request(String requestId, String dealer, String part, int quantity) {
        return reserveParts.reserve(new ReservePartsCommand(
                UUID.randomUUID().toString(), requestId, "C-" + requestId, "ASG-" + requestId, dealer, part, quantity));
    }

    @Test
    void three_arriving_units_serve_the_three_highest_priority_oldest_of_five_backorders() throws Exception {
        assertThat(request("1", Priority.NORMAL)).isEqualTo(ReservationOutcome.BACKORDERED);
        assertThat(request("2", Priority.URGENT)).isEqualTo(ReservationOutcome.BACKORDERED);
        assertThat(request("3", Priority.NORMAL)).isEqualTo(ReservationOutcome.BACKORDERED);
        assertThat(request("4", Priority.HIGH)).isEqualTo(ReservationOutcome.BACKORDERED);
        assertThat(request("5", Priority.URGENT)).isEqualTo(ReservationOutcome.BACKORDERED);
        assertThat(backorders.openFor(PART))
                .extracting(Backorder::requestId)
                .containsExactly("RQ-bo-2", "RQ-bo-5", "RQ-bo-4", "RQ-bo-1", "RQ-bo-3");

        var api = new PartsApi(port);
        var dealer = TestTokens.dealer("dealer-bo", DEALER);
        var restock = api.put(
                "/api/stock",
                dealer,
                "[{\"locationId\":\"%s\",\"partNumber\":\"%s\",\"onHand\":3}]".formatted(DEALER, PART));
        assertThat(restock.statusCode()).as(restock.body()).isEqualTo(200);
        // The arrival reaches the backorders through the line's StockReplenished, right after the answer.
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(api.get("/api/stock/" + DEALER, dealer).body())
                                .contains("\"reserved\":3")
                                .contains("\"available\":0"));

        var line = stocks.find(Stock.idOf(DEALER, PART)).orElseThrow();
        assertThat(line.reservations())
                .extracting(Reservation::requestId)
                .containsExactlyInAnyOrder("RQ-bo-2", "RQ-bo-5", "RQ-bo-4");
        assertThat(backorders.openFor(PART)).extracting(Backorder::requestId).containsExactly("RQ-bo-1", "RQ-bo-3");
        assertThat(backorders.find("RQ-bo-2").orElseThrow().status()).isEqualTo(Backorder.Status.SERVED);

        // A redelivered request of a served backorder reserves nothing more.
        assertThat(reserveParts.reserve(new ReservePartsCommand(
                        UUID.randomUUID().toString(), "RQ-bo-2", "C-bo-2", "ASG-C-bo-2", DEALER, PART, 1)))
                .isEqualTo(ReservationOutcome.ALREADY_HANDLED);
        assertThat(stocks.find(Stock.idOf(DEALER, PART)).orElseThrow().reserved())
                .isEqualTo(3);
    }

    @Test
    void units_given_back_by_a_cancelled_visit_serve_the_next_backorder_in_line() throws Exception {
        var dealer = "D-BO-REL";
        var part = "VALVE-BO-REL";
        setStock.set(new SetStockCommand(List.of(new SetStockCommand.Line(dealer, part, 2, 0))));
        assertThat(request("RQ-bo-kept", dealer, part, 1)).isEqualTo(ReservationOutcome.RESERVED);
        assertThat(request("RQ-bo-cancelled", dealer, part, 1)).isEqualTo(ReservationOutcome.RESERVED);
        assertThat(request("RQ-bo-waiting", dealer, part, 1)).isEqualTo(ReservationOutcome.BACKORDERED);

        try (var tap = EventTap.open(brokers, Topics.PARTS_STOCK)) {
            assertThat(releaseReservations.releaseComplaint("C-RQ-bo-cancelled", "CANCELLED"))
                    .isEqualTo(1);

            var replenished = tap.await(
                            s -> s.is(StockReplenished.class)
                                    && s.as(StockReplenished.class).locationId().equals(dealer)
                                    && s.as(StockReplenished.class).available() == 1,
                            WAIT)
                    .as(StockReplenished.class);
            assertThat(replenished.partNumber()).isEqualTo(part);
            assertThat(replenished.units()).isEqualTo(1);
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                backorders.find("RQ-bo-waiting").orElseThrow().status())
                        .isEqualTo(Backorder.Status.SERVED));
        assertThat(stocks.find(Stock.idOf(dealer, part)).orElseThrow().reservations())
                .extracting(Reservation::requestId)
                .containsExactlyInAnyOrder("RQ-bo-kept", "RQ-bo-waiting");
    }

    @Test
    void a_stock_import_serves_the_backorders_waiting_for_its_lines() throws Exception {
        var dealer = "D-BO-IMP";
        var part = "VALVE-BO-IMP";
        assertThat(request("RQ-bo-imp", dealer, part, 2)).isEqualTo(ReservationOutcome.BACKORDERED);

        var imported = new PartsApi(port)
                .post(
                        "/api/stock/imports",
                        TestTokens.dealer("dealer-bo-imp", dealer),
                        "text/csv",
                        "locationId,partNumber,onHand\n%s,%s,5\n".formatted(dealer, part));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                backorders.find("RQ-bo-imp").orElseThrow().status())
                        .isEqualTo(Backorder.Status.SERVED));
        var line = stocks.find(Stock.idOf(dealer, part)).orElseThrow();
        assertThat(line.heldFor("RQ-bo-imp")).isEqualTo(2);
        assertThat(line.available()).isEqualTo(3);
    }
}
