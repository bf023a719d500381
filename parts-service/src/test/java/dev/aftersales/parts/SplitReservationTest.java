package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.contracts.parts.TransferRequested;
import dev.aftersales.parts.ChainLocations.StockLine;
import dev.aftersales.parts.ChainLocations.TransferView;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * No single location has enough: the request is split — own dealer first, then the nearest dealers
 * (each portion a transfer of its own), then the factory — and each portion's PartsReserved says
 * where, how many and when it is ready.
 */
@ServiceSliceTest
class SplitReservationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SH = "D-SP-SH";
    static final String HZ = "D-SP-HZ";
    static final String BJ = "D-SP-BJ";
    static final String FACTORY = "FACTORY-SP";

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    PartsApi api;
    TestEvents events;
    ChainLocations locations;

    @BeforeEach
    void setUp() throws Exception {
        api = new PartsApi(port);
        events = new TestEvents(brokers);
        locations = ChainLocations.imported(api, SH, HZ, BJ, FACTORY);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    static PartsRequested request(String requestId, String complaintId, String partNumber, int quantity) {
        return new PartsRequested(
                requestId, complaintId, "ASG-" + complaintId, "T-SP", SH, partNumber, quantity, Instant.now());
    }

    double splits() {
        var counter = meters.find("aftersales.parts.reservations")
                .tag("outcome", "SPLIT")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void six_units_nobody_has_are_split_over_own_dealer_nearest_dealers_and_factory_each_with_its_eta()
            throws Exception {
        locations.stock(SH, "SPLIT-1", 2);
        locations.stock(HZ, "SPLIT-1", 1);
        locations.stock(BJ, "SPLIT-1", 1);
        locations.stock(FACTORY, "SPLIT-1", 3);
        double splitsBefore = splits();
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(request("RQ-sp-1", "C-sp-1", "SPLIT-1", 6), "C-sp-1");

            for (var location : List.of(SH, HZ, BJ, FACTORY)) {
                tap.await(
                        s -> s.is(PartsReserved.class)
                                && s.as(PartsReserved.class).requestId().equals("RQ-sp-1")
                                && s.as(PartsReserved.class).locationId().equals(location),
                        WAIT);
            }
            var seen = tap.drain(Duration.ofMillis(500));
            Map<String, PartsReserved> portions = seen.stream()
                    .filter(s -> s.is(PartsReserved.class))
                    .map(s -> s.as(PartsReserved.class))
                    .filter(p -> p.requestId().equals("RQ-sp-1"))
                    .collect(Collectors.toMap(PartsReserved::locationId, p -> p));
            assertThat(portions).hasSize(4);
            assertThat(portions.values().stream()
                            .mapToInt(PartsReserved::quantity)
                            .sum())
                    .isEqualTo(6);
            var own = portions.get(SH);
            assertThat(own.quantity()).isEqualTo(2);
            assertThat(own.source()).isEqualTo(ReservationSource.OWN_DEALER);
            assertThat(own.readyAt()).isEqualTo(own.reservedAt());
            for (var dealer : List.of(HZ, BJ)) {
                var portion = portions.get(dealer);
                assertThat(portion.quantity()).isEqualTo(1);
                assertThat(portion.source()).isEqualTo(ReservationSource.TRANSFER);
                assertThat(Duration.between(portion.reservedAt(), portion.readyAt()))
                        .isEqualTo(Duration.ofHours(24));
            }
            var factory = portions.get(FACTORY);
            assertThat(factory.quantity()).isEqualTo(2);
            assertThat(factory.source()).isEqualTo(ReservationSource.FACTORY);
            assertThat(Duration.between(factory.reservedAt(), factory.readyAt()))
                    .isEqualTo(Duration.ofDays(5));
            // each dealer's portion travels under a transfer id of its own
            var transfers = seen.stream()
                    .filter(s -> s.is(TransferRequested.class))
                    .map(s -> s.as(TransferRequested.class))
                    .filter(t -> t.requestId().equals("RQ-sp-1"))
                    .toList();
            assertThat(transfers)
                    .extracting(TransferRequested::transferId)
                    .containsExactlyInAnyOrder("TR-RQ-sp-1-" + HZ, "TR-RQ-sp-1-" + BJ);
            assertThat(transfers).allMatch(t -> t.toLocationId().equals(SH) && t.quantity() == 1);
        }
        assertThat(splits()).isEqualTo(splitsBefore + 1);
        assertThat(locations.line(SH, "SPLIT-1")).isEqualTo(new StockLine(SH, "SPLIT-1", 2, 2, 0, 0));
        assertThat(locations.line(HZ, "SPLIT-1")).isEqualTo(new StockLine(HZ, "SPLIT-1", 1, 1, 0, 0));
        assertThat(locations.line(FACTORY, "SPLIT-1")).isEqualTo(new StockLine(FACTORY, "SPLIT-1", 3, 2, 1, 0));

        // Hangzhou's portion arrives where the own portion is already held: both stay held for the visit.
        var path = "/api/transfers/TR-RQ-sp-1-" + HZ;
        assertThat(api.post(path + "/shipped", TestTokens.dealer("dealer-hz", HZ))
                        .statusCode())
                .isEqualTo(200);
        var received = api.post(path + "/received", TestTokens.dealer("dealer-sh", SH));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        assertThat(EventJson.read(received.body().getBytes(), TransferView.class)
                        .status())
                .isEqualTo("RECEIVED");
        assertThat(api.post(path + "/received", TestTokens.dealer("dealer-sh", SH))
                        .statusCode())
                .isEqualTo(200);
        assertThat(locations.line(SH, "SPLIT-1")).isEqualTo(new StockLine(SH, "SPLIT-1", 3, 3, 0, 0));
        assertThat(locations.line(HZ, "SPLIT-1")).isEqualTo(new StockLine(HZ, "SPLIT-1", 0, 0, 0, 0));
        for (var location : List.of(SH, HZ, BJ, FACTORY)) {
            var violations = new java.util.ArrayList<String>();
            StockInvariants.check(mongo, location + "|SPLIT-1", violations);
            assertThat(violations).isEmpty();
        }
    }

    @Test
    void when_all_locations_together_have_too_few_the_whole_request_is_backordered_and_nothing_held() throws Exception {
        locations.stock(SH, "SPLIT-2", 1);
        locations.stock(HZ, "SPLIT-2", 1);
        locations.stock(FACTORY, "SPLIT-2", 1);
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(request("RQ-sp-2", "C-sp-2", "SPLIT-2", 4), "C-sp-2");
            var backordered = tap.await(s -> s.is(PartsBackordered.class) && "C-sp-2".equals(s.key()), WAIT)
                    .as(PartsBackordered.class);
            assertThat(backordered.quantity()).isEqualTo(4);
            assertThat(tap.drain(Duration.ofMillis(500)))
                    .noneMatch(s -> s.is(PartsReserved.class) && "C-sp-2".equals(s.key()));
        }
        for (var location : List.of(SH, HZ, FACTORY)) {
            assertThat(locations.line(location, "SPLIT-2").reserved()).isZero();
        }
    }
}
