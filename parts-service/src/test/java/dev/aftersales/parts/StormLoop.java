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
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The storm of {@link StormTest} run many times in one JVM, each run on a part of its own, to measure
 * flakiness. Not run by the build (its name matches no surefire pattern); run it by hand:
 * {@code ./mvnw -B -o verify -pl parts-service -am -Dtest=StormLoop -Dstorm.runs=20
 * -Dsurefire.failIfNoSpecifiedTests=false}. Prints one {@code STORM} line per run and the tally.
 */
@ServiceSliceTest
class StormLoop {

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    SetStock setStock;

    @Autowired
    Locations locations;

    @Autowired
    MongoTemplate mongo;

    @Test
    void storm_many_times() throws Exception {
        int runs = Integer.getInteger("storm.runs", 20);
        int passes = 0;
        for (int run = 0; run < runs; run++) {
            if (storm(run)) {
                passes++;
            }
        }
        System.out.println("STORM passes " + passes + "/" + runs);
        assertThat(passes).isEqualTo(runs);
    }

    private boolean storm(int run) throws Exception {
        var part = "PUMP-LOOP-" + run;
        var dealers = List.of("D-LOOP-A" + run, "D-LOOP-B" + run, "D-LOOP-C" + run);
        locations.save(new Location(dealers.get(0), LocationKind.DEALER, "310115", 31.22, 121.54, null));
        locations.save(new Location(dealers.get(1), LocationKind.DEALER, "330106", 30.27, 120.15, null));
        locations.save(new Location(dealers.get(2), LocationKind.DEALER, "320106", 32.06, 118.79, null));
        setStock.set(new SetStockCommand(List.of(
                new SetStockCommand.Line(dealers.get(0), part, 20, 0),
                new SetStockCommand.Line(dealers.get(1), part, 20, 0),
                new SetStockCommand.Line(dealers.get(2), part, 10, 0))));
        var pool = Executors.newFixedThreadPool(200);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<Object>>();
        for (int i = 0; i < 200; i++) {
            var n = i;
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return reserveParts.reserve(new ReservePartsCommand(
                            UUID.randomUUID().toString(),
                            "RQ-loop-" + run + "-" + n,
                            "C-loop-" + n,
                            "ASG-loop-" + n,
                            dealers.get(n % 3),
                            part,
                            1));
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        var outcomes = new ArrayList<Object>();
        for (var future : futures) {
            outcomes.add(future.get(300, TimeUnit.SECONDS));
        }
        pool.shutdown();

        var violations = new CopyOnWriteArrayList<String>();
        Map<String, List<String>> heldAt = new TreeMap<>();
        for (var dealer : dealers) {
            StockInvariants.check(mongo, Stock.idOf(dealer, part), violations);
            mongo.getCollection("stock")
                    .find(new Document("_id", Stock.idOf(dealer, part)))
                    .first()
                    .getList("reservations", Document.class)
                    .forEach(r -> heldAt.computeIfAbsent(r.getString("requestId"), k -> new ArrayList<>())
                            .add(dealer));
        }
        var told = new TreeSet<String>();
        var tally = new TreeMap<String, Integer>();
        for (int i = 0; i < outcomes.size(); i++) {
            var outcome = outcomes.get(i);
            tally.merge(
                    outcome instanceof Exception e ? e.getClass().getSimpleName() : outcome.toString(),
                    1,
                    Integer::sum);
            if (outcome instanceof ReservationOutcome o && o.reserved()) {
                told.add("RQ-loop-" + run + "-" + i);
            }
        }
        var twice = heldAt.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .toList();
        long backordered = mongo.getCollection("backorders").countDocuments(new Document("partNumber", part));
        boolean ok = violations.isEmpty()
                && twice.isEmpty()
                && told.equals(heldAt.keySet())
                && heldAt.size() == 50
                && backordered == 150;
        System.out.println("STORM run " + run + " ok=" + ok + " outcomes=" + tally + " held=" + heldAt.size()
                + " backorders=" + backordered + " heldTwice=" + twice + " toldNotHeld="
                + told.stream().filter(r -> !heldAt.containsKey(r)).toList() + " violations=" + violations);
        return ok;
    }
}
