package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Backorders wait in line (priority, then age) and are served the moment stock arrives. */
@ServiceSliceTest
class BackorderServingTest {

    static final String DEALER = "D-BO";
    static final String PART = "VALVE-BO";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Value("${local.server.port}")
    int port;

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
        caseFacts.recordPriority("C-bo-" + n, priority);
        var outcome = reserveParts.reserve(new ReservePartsCommand(
                UUID.randomUUID().toString(), "RQ-bo-" + n, "C-bo-" + n, "ASG-C-bo-" + n, DEALER, PART, 1));
        clock.advance(Duration.ofMinutes(1));
        return outcome;
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
}
