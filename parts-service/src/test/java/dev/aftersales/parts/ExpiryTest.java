package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.contracts.parts.ReservationReleased;
import dev.aftersales.parts.reservation.application.MoveExpiry;
import dev.aftersales.parts.reservation.application.ReleaseReservations;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Reservations not consumed in time go back to stock by themselves, each exactly once. */
@ServiceSliceTest
class ExpiryTest {

    static final String DEALER = "D-EXP";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    ReleaseReservations releaseReservations;

    @Autowired
    MoveExpiry moveExpiry;

    @Autowired
    SetStock setStock;

    @Autowired
    Stocks stocks;

    @Autowired
    MutableClock clock;

    void reserve(String n, String part) {
        assertThat(reserveParts.reserve(new ReservePartsCommand(
                        UUID.randomUUID().toString(), "RQ-exp-" + n, "C-exp-" + n, "ASG-C-exp-" + n, DEALER, part, 1)))
                .isEqualTo(ReservationOutcome.RESERVED);
    }

    @Test
    void expired_reservations_are_released_exactly_once_even_when_the_sweep_is_stopped_midway_and_restarted()
            throws Exception {
        var start = clock.instant();
        setStock.set(new SetStockCommand(List.of(
                new SetStockCommand.Line(DEALER, "EXP-1", 5, 0),
                new SetStockCommand.Line(DEALER, "EXP-2", 5, 0),
                new SetStockCommand.Line(DEALER, "EXP-3", 5, 0))));
        reserve("1", "EXP-1");
        reserve("2", "EXP-2");
        reserve("3", "EXP-3");
        reserve("4", "EXP-3");
        // Request 1's visit has an appointment ending in 2 h: it expires 24 h after that, the others 72 h after now.
        moveExpiry.appointmentEnds("ASG-C-exp-1", start.plus(Duration.ofHours(2)));
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            try {
                clock.set(start.plus(Duration.ofHours(25)));
                assertThat(releaseReservations.releaseExpired(500)).isZero();
                clock.set(start.plus(Duration.ofHours(26)));
                assertThat(releaseReservations.releaseExpired(500)).isEqualTo(1);
                assertThat(stocks.find(Stock.idOf(DEALER, "EXP-1"))
                                .orElseThrow()
                                .reserved())
                        .isZero();

                clock.set(start.plus(Duration.ofHours(72)));
                // The sweep stopped after its first line; then it restarts, and a second instance sweeps too.
                // (Other tests' reservations in this context are due by now as well: counts are checked per event.)
                assertThat(releaseReservations.releaseExpired(1)).isPositive();
                var restarted = CompletableFuture.supplyAsync(() -> releaseReservations.releaseExpired(500));
                var other = CompletableFuture.supplyAsync(() -> releaseReservations.releaseExpired(500));
                restarted.get();
                other.get();
                assertThat(releaseReservations.releaseExpired(500)).isZero();
            } finally {
                clock.set(start);
            }

            for (var n : List.of("1", "2", "3", "4")) {
                tap.await(s -> s.is(ReservationReleased.class) && ("C-exp-" + n).equals(s.key()), WAIT);
            }
            var released = tap.drain(Duration.ofSeconds(1)).stream()
                    .filter(s -> s.is(ReservationReleased.class) && s.key().startsWith("C-exp-"))
                    .map(s -> s.as(ReservationReleased.class))
                    .toList();
            assertThat(released).allSatisfy(r -> assertThat(r.reason()).isEqualTo("EXPIRED"));
            assertThat(released)
                    .extracting(ReservationReleased::requestId)
                    .containsExactlyInAnyOrder("RQ-exp-1", "RQ-exp-2", "RQ-exp-3", "RQ-exp-4");
        }
        for (var part : List.of("EXP-1", "EXP-2", "EXP-3")) {
            var line = stocks.find(Stock.idOf(DEALER, part)).orElseThrow();
            assertThat(line.reserved()).isZero();
            assertThat(line.available()).isEqualTo(5);
        }
    }

    @Test
    void a_case_settled_by_phone_releases_what_was_held_for_it() throws Exception {
        setStock.set(new SetStockCommand(List.of(new SetStockCommand.Line(DEALER, "CANCEL-1", 4, 0))));
        reserve("cancel", "CANCEL-1");
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS);
                var events = new TestEvents(brokers)) {
            events.publish(
                    new ComplaintResolvedByPhone("C-exp-cancel", "reset the valve", "agent-1", Instant.now()),
                    "C-exp-cancel");

            var released = tap.await(s -> s.is(ReservationReleased.class) && "C-exp-cancel".equals(s.key()), WAIT)
                    .as(ReservationReleased.class);
            assertThat(released.reason()).isEqualTo("CANCELLED");
            assertThat(released.quantity()).isEqualTo(1);
        }
        var line = stocks.find(Stock.idOf(DEALER, "CANCEL-1")).orElseThrow();
        assertThat(line.reserved()).isZero();
        assertThat(line.available()).isEqualTo(4);
    }
}
