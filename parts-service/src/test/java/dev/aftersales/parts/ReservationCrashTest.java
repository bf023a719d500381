package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.location.domain.Locations;
import dev.aftersales.parts.reservation.application.RequestClaims;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A request is written to two kinds of documents: its claim (which lines its holder writes to,
 * noted before each write) and the stock lines (the reservation, its units and PartsReserved in one
 * write each). A handler may die between any two of these writes; here the store is left as such a
 * handler leaves it, and the redelivery that takes the claim over after its lease must end with the
 * request held exactly once, nothing lost, no PartsReserved twice.
 */
@ServiceSliceTest
class ReservationCrashTest {

    static final String OWN = "D-CRASH-OWN";
    static final String NEAR = "D-CRASH-NEAR";

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    SetStock setStock;

    @Autowired
    Locations locations;

    @Autowired
    Stocks stocks;

    @Autowired
    RequestClaims claims;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    void lines(String part, int own, int near) {
        locations.save(new Location(OWN, LocationKind.DEALER, "310115", 31.22, 121.54, null));
        locations.save(new Location(NEAR, LocationKind.DEALER, "330106", 30.27, 120.15, null));
        setStock.set(new SetStockCommand(
                List.of(new SetStockCommand.Line(OWN, part, own, 0), new SetStockCommand.Line(NEAR, part, near, 0))));
    }

    /** The claim of a handler that died holding it: long past its lease, naming the lines it meant to write to. */
    void claimOfADeadHandler(String requestId, String... lines) {
        mongo.insert(
                new Document("_id", requestId)
                        .append("token", "died")
                        .append("claimedAt", new Date(0))
                        .append("lines", List.of(lines)),
                "requestClaims");
    }

    ReservationOutcome redeliver(String requestId, String part, int quantity) {
        return reserveParts.reserve(new ReservePartsCommand(
                UUID.randomUUID().toString(), requestId, "C-" + requestId, "ASG-" + requestId, OWN, part, quantity));
    }

    Reservation heldAtOwn(String requestId, int quantity) {
        return new Reservation(requestId, "C-" + requestId, "ASG-" + requestId, quantity, clock.instant());
    }

    Stock line(String location, String part) {
        return stocks.find(Stock.idOf(location, part)).orElseThrow();
    }

    @Test
    void a_handler_that_died_after_holding_at_its_line_leaves_the_request_held_and_announced_once() {
        lines("CRASH-1", 5, 0);
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            claimOfADeadHandler("RQ-crash-1", Stock.idOf(OWN, "CRASH-1"));
            assertThat(stocks.holdAtOnce(OWN, "CRASH-1", heldAtOwn("RQ-crash-1", 1), clock.instant()))
                    .isEqualTo(Stocks.Hold.HELD);

            assertThat(redeliver("RQ-crash-1", "CRASH-1", 1)).isEqualTo(ReservationOutcome.ALREADY_HANDLED);
            assertThat(redeliver("RQ-crash-1", "CRASH-1", 1)).isEqualTo(ReservationOutcome.ALREADY_HANDLED);

            assertThat(line(OWN, "CRASH-1").heldFor("RQ-crash-1")).isEqualTo(1);
            assertThat(line(OWN, "CRASH-1").available()).isEqualTo(4);
            tap.await(PartsReserved.class, Duration.ofSeconds(10));
            assertThat(tap.drain(Duration.ofSeconds(2)))
                    .filteredOn(s -> s.is(PartsReserved.class)
                            && s.as(PartsReserved.class).requestId().equals("RQ-crash-1"))
                    .hasSize(1);
        }
    }

    @Test
    void a_handler_that_died_after_noting_a_farther_line_but_before_holding_there_is_completed_once() {
        lines("CRASH-2", 0, 3);
        claimOfADeadHandler("RQ-crash-2", Stock.idOf(OWN, "CRASH-2"), Stock.idOf(NEAR, "CRASH-2"));

        assertThat(redeliver("RQ-crash-2", "CRASH-2", 1)).isEqualTo(ReservationOutcome.TRANSFERRED);
        assertThat(redeliver("RQ-crash-2", "CRASH-2", 1)).isEqualTo(ReservationOutcome.ALREADY_HANDLED);

        assertThat(line(NEAR, "CRASH-2").heldFor("RQ-crash-2")).isEqualTo(1);
        assertThat(line(NEAR, "CRASH-2").available()).isEqualTo(2);
        assertThat(line(OWN, "CRASH-2").heldFor("RQ-crash-2")).isZero();
    }

    @Test
    void a_handler_that_died_between_the_portions_of_a_split_is_completed_without_holding_a_portion_twice() {
        lines("CRASH-3", 1, 1);
        claimOfADeadHandler("RQ-crash-3", Stock.idOf(OWN, "CRASH-3"), Stock.idOf(NEAR, "CRASH-3"));
        assertThat(stocks.holdAtOnce(OWN, "CRASH-3", heldAtOwn("RQ-crash-3", 1), clock.instant()))
                .isEqualTo(Stocks.Hold.HELD);

        assertThat(redeliver("RQ-crash-3", "CRASH-3", 2)).isEqualTo(ReservationOutcome.SPLIT);

        assertThat(line(OWN, "CRASH-3").heldFor("RQ-crash-3")).isEqualTo(1);
        assertThat(line(NEAR, "CRASH-3").heldFor("RQ-crash-3")).isEqualTo(1);
        assertThat(line(OWN, "CRASH-3").available()).isZero();
        assertThat(line(NEAR, "CRASH-3").available()).isZero();
    }

    @Test
    void a_handler_that_failed_gives_its_claim_up_and_the_retry_finds_what_it_held() {
        lines("CRASH-4", 2, 0);
        var failed = (RequestClaims.Taken)
                claims.take("RQ-crash-4", Duration.ofMinutes(1), Set.of(Stock.idOf(OWN, "CRASH-4")));
        assertThat(stocks.holdAtOnce(OWN, "CRASH-4", heldAtOwn("RQ-crash-4", 1), clock.instant()))
                .isEqualTo(Stocks.Hold.HELD);
        claims.drop("RQ-crash-4", failed.token());

        assertThat(redeliver("RQ-crash-4", "CRASH-4", 1)).isEqualTo(ReservationOutcome.ALREADY_HANDLED);

        assertThat(line(OWN, "CRASH-4").heldFor("RQ-crash-4")).isEqualTo(1);
        assertThat(line(OWN, "CRASH-4").available()).isEqualTo(1);
    }

    @Test
    void the_guarded_hold_never_holds_a_request_twice_at_one_line() {
        lines("CRASH-5", 5, 0);
        assertThat(stocks.holdAtOnce(OWN, "CRASH-5", heldAtOwn("RQ-crash-5", 1), clock.instant()))
                .isEqualTo(Stocks.Hold.HELD);
        assertThat(stocks.holdAtOnce(OWN, "CRASH-5", heldAtOwn("RQ-crash-5", 1), clock.instant()))
                .isEqualTo(Stocks.Hold.LINE_DECIDES);
        assertThat(line(OWN, "CRASH-5").heldFor("RQ-crash-5")).isEqualTo(1);
    }
}
