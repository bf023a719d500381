package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.location.domain.Locations;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import dev.aftersales.parts.stock.domain.Stock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The acceptance storm: many technicians of three dealers race for the last units of one part. */
@ServiceSliceTest
class StormTest {

    static final String PART = "PUMP-STORM";
    static final List<String> DEALERS = List.of("D-STORM-A", "D-STORM-B", "D-STORM-C");

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    SetStock setStock;

    @Autowired
    Locations locations;

    @Autowired
    MongoTemplate mongo;

    @Test
    void two_hundred_concurrent_requests_for_fifty_units_over_three_dealers_reserve_exactly_fifty() throws Exception {
        locations.save(new Location(DEALERS.get(0), LocationKind.DEALER, "310115", 31.22, 121.54, null));
        locations.save(new Location(DEALERS.get(1), LocationKind.DEALER, "330106", 30.27, 120.15, null));
        locations.save(new Location(DEALERS.get(2), LocationKind.DEALER, "320106", 32.06, 118.79, null));
        setStock.set(new SetStockCommand(List.of(
                new SetStockCommand.Line(DEALERS.get(0), PART, 20, 0),
                new SetStockCommand.Line(DEALERS.get(1), PART, 20, 0),
                new SetStockCommand.Line(DEALERS.get(2), PART, 10, 0))));

        var violations = new CopyOnWriteArrayList<String>();
        var checks = new AtomicInteger();
        var racing = new AtomicBoolean(true);
        var watcher = new Thread(() -> {
            while (racing.get()) {
                DEALERS.forEach(d -> StockInvariants.check(mongo, Stock.idOf(d, PART), violations));
                checks.incrementAndGet();
            }
        });
        watcher.start();

        var pool = Executors.newFixedThreadPool(200);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<ReservationOutcome>>();
        for (int i = 0; i < 200; i++) {
            var n = i;
            futures.add(pool.submit(() -> {
                start.await();
                return reserveParts.reserve(new ReservePartsCommand(
                        UUID.randomUUID().toString(),
                        "RQ-storm-" + n,
                        "C-storm-" + n,
                        "ASG-C-storm-" + n,
                        DEALERS.get(n % 3),
                        PART,
                        1));
            }));
        }
        start.countDown();
        var outcomes = new ArrayList<ReservationOutcome>();
        for (var future : futures) {
            outcomes.add(future.get(300, TimeUnit.SECONDS));
        }
        pool.shutdown();
        racing.set(false);
        watcher.join();
        DEALERS.forEach(d -> StockInvariants.check(mongo, Stock.idOf(d, PART), violations));

        var held = new java.util.TreeSet<String>();
        for (var dealer : DEALERS) {
            mongo.getCollection("stock")
                    .find(new Document("_id", Stock.idOf(dealer, PART)))
                    .first()
                    .getList("reservations", Document.class)
                    .forEach(r -> held.add(r.getString("requestId")));
        }
        var told = new java.util.TreeSet<String>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).reserved()) {
                told.add("RQ-storm-" + i);
            }
        }
        assertThat(told).as("requests told they are reserved vs held").isEqualTo(held);
        assertThat(outcomes).filteredOn(ReservationOutcome::reserved).hasSize(50);
        assertThat(outcomes)
                .filteredOn(o -> o == ReservationOutcome.BACKORDERED)
                .hasSize(150);
        assertThat(violations).isEmpty();
        assertThat(checks.get()).isPositive();
        int reserved = 0;
        for (var dealer : DEALERS) {
            var stored = mongo.getCollection("stock")
                    .find(new Document("_id", Stock.idOf(dealer, PART)))
                    .first();
            assertThat(stored.getInteger("available")).isZero();
            assertThat(stored.getInteger("reserved")).isEqualTo(stored.getInteger("onHand"));
            reserved += stored.getInteger("reserved");
        }
        assertThat(reserved).isEqualTo(50);
        assertThat(mongo.getCollection("backorders").countDocuments(new Document("partNumber", PART)))
                .isEqualTo(150);
    }
}
