package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.location.domain.Locations;
import dev.aftersales.parts.reservation.application.RequestClaims;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A request touches several stock documents, so "once per request id" cannot rest on one guarded
 * write: the request is claimed first. Here duplicates of one request race each other while the
 * nearest dealer has a single unit and a farther one has more — without the claim, the loser of the
 * race for the nearest unit would go on to the farther dealer and the request would be held twice.
 */
@ServiceSliceTest
class RequestClaimTest {

    static final String OWN = "D-RC-OWN";
    static final String NEAR = "D-RC-NEAR";
    static final String FAR = "D-RC-FAR";

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    SetStock setStock;

    @Autowired
    Locations locations;

    @Autowired
    Stocks stocks;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

    @Autowired
    RequestClaims claims;

    void lines(String part) {
        locations.save(new Location(OWN, LocationKind.DEALER, "310115", 31.22, 121.54, null));
        locations.save(new Location(NEAR, LocationKind.DEALER, "330106", 30.27, 120.15, null));
        locations.save(new Location(FAR, LocationKind.DEALER, "110105", 39.90, 116.40, null));
        setStock.set(new SetStockCommand(List.of(
                new SetStockCommand.Line(OWN, part, 0, 0),
                new SetStockCommand.Line(NEAR, part, 1, 0),
                new SetStockCommand.Line(FAR, part, 50, 0))));
    }

    static ReservePartsCommand command(String requestId, String part) {
        return new ReservePartsCommand(
                UUID.randomUUID().toString(), requestId, "C-" + requestId, "ASG-" + requestId, OWN, part, 1);
    }

    int heldFor(String requestId, String part) {
        return List.of(OWN, NEAR, FAR).stream()
                .mapToInt(l -> stocks.find(Stock.idOf(l, part)).orElseThrow().heldFor(requestId))
                .sum();
    }

    @Test
    void concurrent_deliveries_of_one_request_hold_it_once_at_one_location() throws Exception {
        var pool = Executors.newFixedThreadPool(12);
        try {
            for (int round = 0; round < 5; round++) {
                var part = "CLAIM-" + round;
                lines(part);
                var requestId = "RQ-rc-" + round;
                var start = new CountDownLatch(1);
                var futures = new ArrayList<Future<ReservationOutcome>>();
                for (int i = 0; i < 12; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return reserveParts.reserve(command(requestId, part));
                    }));
                }
                start.countDown();
                var outcomes = new ArrayList<ReservationOutcome>();
                for (var future : futures) {
                    outcomes.add(future.get(60, TimeUnit.SECONDS));
                }
                assertThat(outcomes)
                        .as("round %d", round)
                        .filteredOn(o -> o != ReservationOutcome.ALREADY_HANDLED)
                        .containsExactly(ReservationOutcome.TRANSFERRED);
                assertThat(heldFor(requestId, part))
                        .as("units held for the request")
                        .isEqualTo(1);
                assertThat(stocks.find(Stock.idOf(NEAR, part)).orElseThrow().heldFor(requestId))
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_claim_abandoned_by_a_handler_that_died_is_taken_over_after_its_lease() {
        var part = "CLAIM-DEAD";
        lines(part);
        mongo.insert(
                new Document("_id", "RQ-rc-dead")
                        .append("token", "died-before-reserving")
                        .append("claimedAt", Date.from(clock.instant().minus(Duration.ofMinutes(5)))),
                "requestClaims");

        assertThat(reserveParts.reserve(command("RQ-rc-dead", part))).isEqualTo(ReservationOutcome.TRANSFERRED);
        assertThat(reserveParts.reserve(command("RQ-rc-dead", part))).isEqualTo(ReservationOutcome.ALREADY_HANDLED);
        assertThat(heldFor("RQ-rc-dead", part)).isEqualTo(1);
    }

    @Test
    void a_handler_whose_lease_ran_out_cannot_finish_the_claim_of_the_one_that_took_it_over() {
        var lease = Duration.ofSeconds(30);
        var start = clock.instant();
        var later = start.plus(Duration.ofMinutes(1));
        var slow = (RequestClaims.Taken) claims.take("RQ-rc-slow", start, lease);
        var next = (RequestClaims.Taken) claims.take("RQ-rc-slow", later, lease);

        claims.finish("RQ-rc-slow", slow.token(), "RESERVED");
        assertThat(claims.take("RQ-rc-slow", later, lease)).isInstanceOf(RequestClaims.Busy.class);

        claims.finish("RQ-rc-slow", next.token(), "ALREADY_HANDLED");
        assertThat(claims.take("RQ-rc-slow", later, lease)).isEqualTo(new RequestClaims.Finished("ALREADY_HANDLED"));
    }
}
