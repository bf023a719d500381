package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.contracts.parts.TransferReceived;
import dev.aftersales.contracts.parts.TransferRequested;
import dev.aftersales.contracts.parts.TransferShipped;
import dev.aftersales.parts.ChainLocations.StockLine;
import dev.aftersales.parts.ChainLocations.TransferView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The chain beyond the own dealer: the nearest other dealer by transfer, then the factory. */
@ServiceSliceTest
class ReservationChainTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SH = "D-CH-SH";
    static final String HZ = "D-CH-HZ";
    static final String BJ = "D-CH-BJ";
    static final String FACTORY = "FACTORY-CH";

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

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
                requestId, complaintId, "ASG-" + complaintId, "T-CH", SH, partNumber, quantity, Instant.now());
    }

    @Test
    void a_dealer_short_of_units_gets_them_from_the_nearest_dealer_with_enough_by_a_confirmed_transfer()
            throws Exception {
        locations.stock(SH, "CHAIN-1", 1);
        locations.stock(HZ, "CHAIN-1", 3);
        locations.stock(BJ, "CHAIN-1", 5);
        locations.stock(FACTORY, "CHAIN-1", 10);
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(request("RQ-ch-1", "C-ch-1", "CHAIN-1", 2), "C-ch-1");

            var reserved = tap.await(s -> s.is(PartsReserved.class) && "C-ch-1".equals(s.key()), WAIT)
                    .as(PartsReserved.class);
            assertThat(reserved.source()).isEqualTo(ReservationSource.TRANSFER);
            assertThat(reserved.locationId()).isEqualTo(HZ);
            assertThat(reserved.quantity()).isEqualTo(2);
            assertThat(Duration.between(reserved.reservedAt(), reserved.readyAt()))
                    .isEqualTo(Duration.ofHours(24));
            var requested = tap.await(s -> s.is(TransferRequested.class) && "C-ch-1".equals(s.key()), WAIT)
                    .as(TransferRequested.class);
            assertThat(requested.transferId()).isEqualTo("TR-RQ-ch-1");
            assertThat(requested.fromLocationId()).isEqualTo(HZ);
            assertThat(requested.toLocationId()).isEqualTo(SH);
            assertThat(requested.eta()).isEqualTo(reserved.readyAt());
            assertThat(locations.line(HZ, "CHAIN-1")).isEqualTo(new StockLine(HZ, "CHAIN-1", 3, 2, 1, 0));

            var path = "/api/transfers/TR-RQ-ch-1";
            // A dealer party to neither side does not learn that the transfer exists.
            var stranger = TestTokens.dealer("dealer-bj", BJ);
            assertThat(api.get(path, stranger).statusCode()).isEqualTo(404);
            assertThat(api.post(path + "/shipped", stranger).statusCode()).isEqualTo(404);
            assertThat(api.post(path + "/received", stranger).statusCode()).isEqualTo(404);
            assertThat(api.get("/api/transfers/TR-nothing", stranger).statusCode())
                    .isEqualTo(404);
            assertThat(api.get(path, TestTokens.dealer("dealer-sh", SH)).statusCode())
                    .isEqualTo(200);
            // Only the sender ships and only the receiver receives; nothing is received before it is shipped.
            assertThat(api.post(path + "/shipped", TestTokens.dealer("dealer-sh", SH))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(api.post(path + "/received", TestTokens.dealer("dealer-sh", SH))
                            .statusCode())
                    .isEqualTo(409);
            var shipped = api.post(path + "/shipped", TestTokens.dealer("dealer-hz", HZ));
            assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
            assertThat(EventJson.read(shipped.body().getBytes(), TransferView.class)
                            .status())
                    .isEqualTo("SHIPPED");
            var shippedEvent = tap.await(s -> s.is(TransferShipped.class) && "C-ch-1".equals(s.key()), WAIT)
                    .as(TransferShipped.class);
            assertThat(Duration.between(shippedEvent.shippedAt(), shippedEvent.eta()))
                    .isEqualTo(Duration.ofHours(24));

            assertThat(api.post(path + "/received", TestTokens.dealer("dealer-hz", HZ))
                            .statusCode())
                    .isEqualTo(403);
            var received = api.post(path + "/received", TestTokens.dealer("dealer-sh", SH));
            assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
            assertThat(EventJson.read(received.body().getBytes(), TransferView.class))
                    .extracting(TransferView::status, TransferView::toLocationId)
                    .containsExactly("RECEIVED", SH);
            // Confirming again changes nothing.
            assertThat(api.post(path + "/received", TestTokens.dealer("dealer-sh", SH))
                            .statusCode())
                    .isEqualTo(200);
            tap.await(s -> s.is(TransferReceived.class) && "C-ch-1".equals(s.key()), WAIT);
            // After receipt both parties still see it (the sender no longer holds the units).
            assertThat(api.get(path, TestTokens.dealer("dealer-hz", HZ)).statusCode())
                    .isEqualTo(200);
            assertThat(api.get(path, stranger).statusCode()).isEqualTo(404);
        }
        assertThat(locations.line(HZ, "CHAIN-1")).isEqualTo(new StockLine(HZ, "CHAIN-1", 1, 0, 1, 0));
        assertThat(locations.line(SH, "CHAIN-1")).isEqualTo(new StockLine(SH, "CHAIN-1", 3, 2, 1, 0));
        assertThat(locations.line(BJ, "CHAIN-1")).isEqualTo(new StockLine(BJ, "CHAIN-1", 5, 0, 5, 0));

        events.publish(
                new VisitCompleted(
                        "ASG-C-ch-1",
                        "C-ch-1",
                        "T-CH",
                        SH,
                        "WP-CH",
                        null,
                        null,
                        List.of(new PartLine("CHAIN-1", 2)),
                        BigDecimal.ZERO,
                        true,
                        Instant.now()),
                "C-ch-1");
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(locations.line(SH, "CHAIN-1")).isEqualTo(new StockLine(SH, "CHAIN-1", 1, 0, 1, 0)));
    }

    @Test
    void when_no_dealer_has_enough_the_factory_supplies_with_its_lead_time() throws Exception {
        locations.stock(SH, "CHAIN-2", 1);
        locations.stock(BJ, "CHAIN-2", 1);
        locations.stock(FACTORY, "CHAIN-2", 10);
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(request("RQ-ch-2", "C-ch-2", "CHAIN-2", 2), "C-ch-2");

            var reserved = tap.await(s -> s.is(PartsReserved.class) && "C-ch-2".equals(s.key()), WAIT)
                    .as(PartsReserved.class);
            assertThat(reserved.source()).isEqualTo(ReservationSource.FACTORY);
            assertThat(reserved.locationId()).isEqualTo(FACTORY);
            assertThat(Duration.between(reserved.reservedAt(), reserved.readyAt()))
                    .isEqualTo(Duration.ofDays(5));
        }
        assertThat(locations.line(FACTORY, "CHAIN-2")).isEqualTo(new StockLine(FACTORY, "CHAIN-2", 10, 2, 8, 0));
        assertThat(locations.line(SH, "CHAIN-2").reserved()).isZero();
        assertThat(locations.line(BJ, "CHAIN-2").reserved()).isZero();
    }

    @Test
    void the_nearest_dealer_is_found_by_region_code_when_coordinates_are_missing() {
        var shanghai = new dev.aftersales.parts.location.domain.Location(
                "A", dev.aftersales.parts.location.domain.LocationKind.DEALER, "310115", null, null, null);
        var sameCity = new dev.aftersales.parts.location.domain.Location(
                "B", dev.aftersales.parts.location.domain.LocationKind.DEALER, "310104", null, null, null);
        var otherProvince = new dev.aftersales.parts.location.domain.Location(
                "C", dev.aftersales.parts.location.domain.LocationKind.DEALER, "330106", null, null, null);
        assertThat(shanghai.distanceTo(sameCity)).isLessThan(shanghai.distanceTo(otherProvince));
    }
}
