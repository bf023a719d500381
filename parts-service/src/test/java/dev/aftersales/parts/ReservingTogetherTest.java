package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.StockLow;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.location.domain.Locations;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A poll's requests for one unit each at one line are handled together (one claim insert, one hold,
 * one backorder insert) and must end as one by one would: in their order, never more held than the
 * line has, each request held or backordered once, whatever was delivered twice or left by a handler
 * that died mid-batch.
 */
@ServiceSliceTest
class ReservingTogetherTest {

    static final String OWN = "D-TOG-OWN";

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    SetStock setStock;

    @Autowired
    Locations locations;

    @Autowired
    Stocks stocks;

    @Autowired
    Backorders backorders;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    void line(String part, int units) {
        locations.save(new Location(OWN, LocationKind.DEALER, "310115", 31.22, 121.54, null));
        setStock.set(new SetStockCommand(List.of(new SetStockCommand.Line(OWN, part, units, 0))));
    }

    static ReservePartsCommand request(String requestId, String part) {
        return new ReservePartsCommand(
                UUID.randomUUID().toString(), requestId, "C-" + requestId, "ASG-" + requestId, OWN, part, 1);
    }

    static List<ReservePartsCommand> requests(String prefix, String part, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> request(prefix + "-" + i, part))
                .toList();
    }

    Stock line(String part) {
        return stocks.find(Stock.idOf(OWN, part)).orElseThrow();
    }

    String outcomeOf(String requestId) {
        return mongo.getCollection("requestClaims")
                .find(new Document("_id", requestId))
                .first()
                .getString("outcome");
    }

    void assertNeverOversold(String part) {
        var violations = new ArrayList<String>();
        StockInvariants.check(mongo, Stock.idOf(OWN, part), violations);
        assertThat(violations).isEmpty();
    }

    @Test
    void a_poll_larger_than_the_line_holds_reserves_exactly_its_units_in_order_and_backorders_the_rest() {
        line("TOG-1", 3);

        reserveParts.reserveAll(requests("RQ-tog1", "TOG-1", 5));

        assertThat(line("TOG-1").available()).isZero();
        assertThat(line("TOG-1").reservations())
                .extracting(Reservation::requestId)
                .containsExactly("RQ-tog1-0", "RQ-tog1-1", "RQ-tog1-2");
        assertThat(backorders.exists("RQ-tog1-3")).isTrue();
        assertThat(backorders.exists("RQ-tog1-4")).isTrue();
        assertThat(backorders.exists("RQ-tog1-0")).isFalse();
        assertThat(outcomeOf("RQ-tog1-0")).isEqualTo("RESERVED");
        assertThat(outcomeOf("RQ-tog1-4")).isEqualTo("BACKORDERED");
        assertNeverOversold("TOG-1");
    }

    @Test
    void a_request_delivered_twice_in_one_poll_is_held_once() {
        line("TOG-2", 3);

        reserveParts.reserveAll(
                List.of(request("RQ-tog2-a", "TOG-2"), request("RQ-tog2-b", "TOG-2"), request("RQ-tog2-a", "TOG-2")));

        assertThat(line("TOG-2").heldFor("RQ-tog2-a")).isEqualTo(1);
        assertThat(line("TOG-2").heldFor("RQ-tog2-b")).isEqualTo(1);
        assertThat(line("TOG-2").available()).isEqualTo(1);
        assertThat(backorders.exists("RQ-tog2-a")).isFalse();
    }

    @Test
    void a_poll_delivered_again_changes_nothing() {
        line("TOG-3", 2);
        reserveParts.reserveAll(requests("RQ-tog3", "TOG-3", 4));
        var held = line("TOG-3").reservations();

        reserveParts.reserveAll(requests("RQ-tog3", "TOG-3", 4));

        assertThat(line("TOG-3").reservations()).isEqualTo(held);
        assertThat(line("TOG-3").available()).isZero();
        assertThat(backorders.openFor("TOG-3"))
                .extracting(Backorder::requestId)
                .containsExactly("RQ-tog3-2", "RQ-tog3-3");
    }

    @Test
    void a_poll_redelivered_after_a_handler_died_mid_batch_completes_each_request_once() {
        line("TOG-4", 3);
        // The dead handler held RQ-tog4-0 and backordered RQ-tog4-1, and claimed RQ-tog4-2 without writing.
        for (var requestId : List.of("RQ-tog4-0", "RQ-tog4-1", "RQ-tog4-2")) {
            mongo.insert(
                    new Document("_id", requestId)
                            .append("token", "died")
                            .append("claimedAt", new Date(0))
                            .append("lines", List.of(Stock.idOf(OWN, "TOG-4"))),
                    "requestClaims");
        }
        var now = clock.instant();
        assertThat(stocks.holdAtOnce(
                        OWN, "TOG-4", new Reservation("RQ-tog4-0", "C-RQ-tog4-0", "ASG-RQ-tog4-0", 1, now), now))
                .isEqualTo(Stocks.Hold.HELD);
        backorders.add(
                Backorder.of("RQ-tog4-1", "C-RQ-tog4-1", "ASG-RQ-tog4-1", OWN, "TOG-4", 1, Priority.NORMAL, null, now));

        reserveParts.reserveAll(requests("RQ-tog4", "TOG-4", 5));

        // The units set on the line may serve RQ-tog4-1's backorder meanwhile (StockReplenished, handled
        // asynchronously): each request ends held or waiting, once.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var held = line("TOG-4").reservations().stream()
                    .map(Reservation::requestId)
                    .toList();
            var waiting = backorders.openFor("TOG-4").stream()
                    .map(Backorder::requestId)
                    .toList();
            assertThat(held).hasSize(3).doesNotHaveDuplicates().contains("RQ-tog4-0");
            assertThat(waiting).doesNotContainAnyElementsOf(held);
            assertThat(java.util.stream.Stream.concat(held.stream(), waiting.stream()))
                    .containsExactlyInAnyOrder("RQ-tog4-0", "RQ-tog4-1", "RQ-tog4-2", "RQ-tog4-3", "RQ-tog4-4");
        });
        assertThat(line("TOG-4").heldFor("RQ-tog4-0")).isEqualTo(1);
        assertNeverOversold("TOG-4");
    }

    @Test
    void a_poison_request_among_a_polls_requests_is_dead_lettered_and_the_others_are_reserved() {
        line("TOG-6", 5);
        try (var events = new TestEvents(brokers);
                var tap = EventTap.open(brokers, Topics.deadLetterOf(Topics.DISPATCH_ASSIGNMENTS, "parts"))) {
            // one key, so one partition and one poll: the poison record sits between two good ones
            events.publish(requested("RQ-tog6-0", "TOG-6"), "C-tog6");
            events.publishRaw(
                    Topics.DISPATCH_ASSIGNMENTS,
                    "C-tog6",
                    "{not json",
                    Map.of(
                            CloudEventHeaders.ID,
                            "poison-tog6",
                            CloudEventHeaders.TYPE,
                            EventCatalog.ofPayload(PartsRequested.class).type()));
            events.publish(requested("RQ-tog6-1", "TOG-6"), "C-tog6");

            var dead = tap.await(s -> "poison-tog6".equals(s.id()), Duration.ofSeconds(30));
            assertThat(dead.headers().get("aftersales_dlt_reason")).startsWith("unreadable payload");
            await().atMost(Duration.ofSeconds(30)).until(() -> line("TOG-6").reserved() == 2);
            assertThat(line("TOG-6").reservations())
                    .extracting(Reservation::requestId)
                    .containsExactly("RQ-tog6-0", "RQ-tog6-1");
        }
    }

    PartsRequested requested(String requestId, String part) {
        return new PartsRequested(
                requestId, "C-" + requestId, "ASG-" + requestId, "T-001", OWN, part, 1, clock.instant());
    }

    @Test
    void the_batch_hold_never_holds_a_request_the_line_holds_already() {
        line("TOG-5", 5);
        var now = clock.instant();
        var first = new Reservation("RQ-tog5-a", "C-a", "ASG-a", 1, now);
        stocks.holdAtOnce(OWN, "TOG-5", first, now);

        var held = stocks.holdAllAtOnce(
                OWN, "TOG-5", available -> List.of(new Reservation("RQ-tog5-b", "C-b", "ASG-b", 1, now), first), now);

        assertThat(held).isEmpty();
        assertThat(line("TOG-5").heldFor("RQ-tog5-a")).isEqualTo(1);
        assertThat(line("TOG-5").heldFor("RQ-tog5-b")).isZero();
        assertThat(line("TOG-5").available()).isEqualTo(4);
    }

    @Test
    void holding_several_at_once_raises_stock_low_once_right_after_the_hold_that_crosses_the_reorder_point() {
        var now = clock.instant();
        var held = IntStream.range(0, 4)
                .mapToObj(i -> new Reservation("RQ-low-" + i, "C-" + i, "ASG-" + i, 1, now))
                .toList();

        var events = Outbox.of(Stock.reservingAll(OWN, "LOW", held, 5, 3, now)).pending().stream()
                .map(OutboxEvent::type)
                .toList();

        var reserved = EventCatalog.ofPayload(PartsReserved.class).type();
        var low = EventCatalog.ofPayload(StockLow.class).type();
        assertThat(events).containsExactly(reserved, reserved, reserved, low, reserved);
    }
}
