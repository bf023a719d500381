package dev.aftersales.parts.reservation.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The backorder gauges count what waits, per dealer and in all, and how long the oldest has waited. */
@ServiceSliceTest
class BackorderGaugesTest {

    @Autowired
    BackorderGauges gauges;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MutableClock clock;

    @Autowired
    SetStock setStock;

    final String dealer = "D-G" + UUID.randomUUID().toString().substring(0, 6);
    final String part = "P-G-" + UUID.randomUUID().toString().substring(0, 6);

    /** Stored as the backorders adapter stores one, without events to publish. */
    String backorder(Duration waitingFor, Consumer<Backorder> then) {
        var requestId = "RQ-G" + UUID.randomUUID().toString().substring(0, 8);
        var at = clock.instant().minus(waitingFor);
        var backorder = Backorder.of(
                requestId, "C-" + requestId, "ASG-" + requestId, dealer, part, 1, Priority.NORMAL, null, at);
        then.accept(backorder);
        mongo.insert(new BackorderDocument(requestId, backorder.snapshot(), null, new Outbox(List.of(), List.of())));
        return requestId;
    }

    double waitingAt(String dealerId) {
        return meters.get("aftersales.parts.backorders.waiting")
                .tag("dealer", dealerId)
                .gauge()
                .value();
    }

    long openInStore() {
        return mongo.count(
                Query.query(
                        Criteria.where("status").in(Backorder.Status.WAITING.name(), Backorder.Status.SERVING.name())),
                "backorders");
    }

    @Test
    void counts_the_waiting_and_serving_backorders_per_dealer_and_the_age_of_the_oldest() {
        var stockedOnly = "D-G" + UUID.randomUUID().toString().substring(0, 6);
        // Another part: units of this one would be announced (StockReplenished) and serve the backorders below.
        var otherPart = "P-G-" + UUID.randomUUID().toString().substring(0, 6);
        setStock.set(new SetStockCommand(List.of(new SetStockCommand.Line(stockedOnly, otherPart, 3, 0))));
        var ids = List.of(
                // older than any other test's: the oldest still waiting
                backorder(Duration.ofDays(1_000), b -> {}),
                backorder(Duration.ofHours(1), b -> b.claim("D-SERVING")),
                // closed ones count neither as waiting nor for the age, however old
                backorder(Duration.ofDays(2_000), Backorder::served),
                backorder(Duration.ofDays(2_000), Backorder::withdraw));
        try {
            // Earlier tests' consumers may still be storing backorders: the total is compared with a store
            // that did not change across the refresh.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                long before = openInStore();
                gauges.refresh();
                assertThat(openInStore())
                        .as("backorders open after the refresh")
                        .isEqualTo(before);
                assertThat(meters.get("aftersales.parts.backorders.open")
                                .gauge()
                                .value())
                        .isEqualTo(before);
            });

            assertThat(waitingAt(dealer)).isEqualTo(2);
            assertThat(waitingAt(stockedOnly))
                    .as("a stocked dealer nothing waits at shows zero")
                    .isZero();
            assertThat(meters.get("aftersales.parts.backorders.oldest").gauge().value())
                    .isCloseTo(Duration.ofDays(1_000).toSeconds(), within(60.0));
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").in(ids)), "backorders");
        }
    }
}
