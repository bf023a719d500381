package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.StockLow;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import dev.aftersales.parts.stock.domain.Stock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Same context as {@link PartsFlowTest}; races reservations on one stock line straight into the use case. */
@ServiceSliceTest
class ConcurrentReservationTest {

    static final String LOCATION = "D-RACE";
    static final String PART = "FLT-RACE";

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    SetStock setStock;

    @Autowired
    Backorders backorders;

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void forty_concurrent_requests_for_ten_units_reserve_exactly_ten_and_backorder_the_rest() throws Exception {
        setStock.set(new SetStockCommand(List.of(new SetStockCommand.Line(LOCATION, PART, 10, 2))));
        var stockId = Stock.idOf(LOCATION, PART);

        var violations = new CopyOnWriteArrayList<String>();
        var racing = new AtomicBoolean(true);
        var watcher = new Thread(() -> {
            while (racing.get()) {
                StockInvariants.check(mongo, stockId, violations);
            }
        });
        watcher.start();

        var pool = Executors.newFixedThreadPool(40);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<ReservationOutcome>>();
        for (int i = 0; i < 40; i++) {
            var n = i;
            futures.add(pool.submit(() -> {
                start.await();
                return reserveParts.reserve(new ReservePartsCommand(
                        UUID.randomUUID().toString(),
                        "RQ-race-" + n,
                        "C-race-" + n,
                        "ASG-C-race-" + n,
                        LOCATION,
                        PART,
                        1));
            }));
        }
        start.countDown();
        var outcomes = new ArrayList<ReservationOutcome>();
        for (var future : futures) {
            outcomes.add(future.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        racing.set(false);
        watcher.join();
        StockInvariants.check(mongo, stockId, violations);

        assertThat(outcomes).filteredOn(o -> o == ReservationOutcome.RESERVED).hasSize(10);
        assertThat(outcomes)
                .filteredOn(o -> o == ReservationOutcome.BACKORDERED)
                .hasSize(30);
        assertThat(violations).isEmpty();
        var stored =
                mongo.getCollection("stock").find(new Document("_id", stockId)).first();
        assertThat(stored.getInteger("onHand")).isEqualTo(10);
        assertThat(stored.getInteger("reserved")).isEqualTo(10);
        assertThat(stored.getInteger("available")).isZero();
        assertThat(stored.getList("reservations", Document.class)).hasSize(10);
        assertThat(IntStream.range(0, 40).filter(n -> backorders.exists("RQ-race-" + n)))
                .hasSize(30);
    }

    /**
     * The storm of a recalled batch: all for one part at one dealer. Most holds are guarded writes
     * that a concurrent hold does not defeat; the last units before the reorder point are held as the
     * line decides, so exactly one hold raises StockLow.
     */
    @Test
    void
            two_hundred_concurrent_requests_for_fifty_units_of_one_line_reserve_exactly_fifty_and_cross_the_reorder_point_once()
                    throws Exception {
        var part = "FLT-STORM";
        setStock.set(new SetStockCommand(List.of(new SetStockCommand.Line(LOCATION, part, 50, 10))));
        var stockId = Stock.idOf(LOCATION, part);
        var violations = new CopyOnWriteArrayList<String>();
        var racing = new AtomicBoolean(true);
        var watcher = new Thread(() -> {
            while (racing.get()) {
                StockInvariants.check(mongo, stockId, violations);
            }
        });
        try (var tap = EventTap.open(brokers, Topics.PARTS_STOCK, Topics.PARTS_RESERVATIONS)) {
            watcher.start();
            var pool = Executors.newFixedThreadPool(32);
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<ReservationOutcome>>();
            for (int i = 0; i < 200; i++) {
                var n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return reserveParts.reserve(new ReservePartsCommand(
                            UUID.randomUUID().toString(),
                            "RQ-hot-" + n,
                            "C-hot-" + n,
                            "ASG-hot-" + n,
                            LOCATION,
                            part,
                            1));
                }));
            }
            start.countDown();
            var outcomes = new ArrayList<ReservationOutcome>();
            for (var future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();
            racing.set(false);
            watcher.join();
            StockInvariants.check(mongo, stockId, violations);

            assertThat(outcomes)
                    .filteredOn(o -> o == ReservationOutcome.RESERVED)
                    .hasSize(50);
            assertThat(outcomes)
                    .filteredOn(o -> o == ReservationOutcome.BACKORDERED)
                    .hasSize(150);
            assertThat(violations).isEmpty();
            var stored = mongo.getCollection("stock")
                    .find(new Document("_id", stockId))
                    .first();
            assertThat(stored.getInteger("reserved")).isEqualTo(50);
            assertThat(stored.getInteger("available")).isZero();
            assertThat(stored.getList("reservations", Document.class))
                    .extracting(r -> r.getString("requestId"))
                    .doesNotHaveDuplicates()
                    .hasSize(50);

            // At least once on the topic: a record may come twice with its ce_id, which consumers drop.
            var seen = tap.drain(Duration.ofSeconds(3)).stream()
                    .collect(java.util.stream.Collectors.toMap(
                            EventTap.Seen::id, e -> e, (a, b) -> a, java.util.LinkedHashMap::new))
                    .values();
            assertThat(seen)
                    .filteredOn(e -> e.is(PartsReserved.class)
                            && e.as(PartsReserved.class).partNumber().equals(part))
                    .extracting(e -> e.as(PartsReserved.class).requestId())
                    .doesNotHaveDuplicates()
                    .hasSize(50);
            assertThat(seen)
                    .filteredOn(e -> e.is(StockLow.class)
                            && e.as(StockLow.class).partNumber().equals(part))
                    .singleElement()
                    .satisfies(e -> assertThat(e.as(StockLow.class).available()).isEqualTo(9));
        }
    }
}
