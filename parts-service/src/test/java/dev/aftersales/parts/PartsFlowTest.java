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
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.ReservationSource;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** Parts as dispatch and dealers see it: stock in over HTTP, parts requests in, reservations out. */
@ServiceSliceTest
class PartsFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    TestEvents events;

    record StockLine(String locationId, String partNumber, int onHand, int reserved, int available, int reorderPoint) {}

    @BeforeEach
    void connect() {
        events = new TestEvents(brokers);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    HttpResponse<String> putStock(String token, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stock"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getStock(String token, String locationId) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stock/" + locationId))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void stock(String locationId, String partNumber, int onHand) throws Exception {
        var response = putStock(
                TestTokens.ops(),
                "[{\"locationId\":\"%s\",\"partNumber\":\"%s\",\"onHand\":%d,\"reorderPoint\":5}]"
                        .formatted(locationId, partNumber, onHand));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    StockLine line(String locationId, String partNumber) throws Exception {
        var response = getStock(TestTokens.ops(), locationId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Arrays.stream(EventJson.read(response.body().getBytes(), StockLine[].class))
                .filter(l -> l.partNumber().equals(partNumber))
                .findFirst()
                .orElseThrow();
    }

    static PartsRequested request(String requestId, String complaintId, String partNumber, int quantity) {
        return new PartsRequested(
                requestId, complaintId, "ASG-" + complaintId, "T-001", "D-SH", partNumber, quantity, Instant.now());
    }

    static VisitCompleted completed(String complaintId) {
        return new VisitCompleted(
                "ASG-" + complaintId,
                complaintId,
                "T-001",
                "D-SH",
                "WP-0001",
                "滤芯堵塞",
                "filter clogged",
                List.of(new PartLine("FLT-RO-01", 1)),
                BigDecimal.ZERO,
                true,
                Instant.now());
    }

    @Test
    void reserves_at_the_technicians_dealer_and_shows_the_units_as_reserved() throws Exception {
        stock("D-SH", "FLT-RO-01", 20);
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(request("RQ-own-1", "C-own", "FLT-RO-01", 2), "C-own");

            var reserved = tap.await(s -> s.is(PartsReserved.class) && "C-own".equals(s.key()), WAIT)
                    .as(PartsReserved.class);
            assertThat(reserved.requestId()).isEqualTo("RQ-own-1");
            assertThat(reserved.assignmentId()).isEqualTo("ASG-C-own");
            assertThat(reserved.locationId()).isEqualTo("D-SH");
            assertThat(reserved.source()).isEqualTo(ReservationSource.OWN_DEALER);
            assertThat(reserved.quantity()).isEqualTo(2);
            assertThat(reserved.readyAt()).isNotNull();
        }
        assertThat(line("D-SH", "FLT-RO-01")).isEqualTo(new StockLine("D-SH", "FLT-RO-01", 20, 2, 18, 5));
    }

    @Test
    void backorders_when_the_dealer_has_too_few_units_or_none_at_all() throws Exception {
        stock("D-SH", "PUMP-24V", 1);
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(request("RQ-short-1", "C-short", "PUMP-24V", 2), "C-short");
            events.publish(request("RQ-none-1", "C-none", "NEVER-STOCKED", 1), "C-none");

            var backordered = tap.await(s -> s.is(PartsBackordered.class) && "C-short".equals(s.key()), WAIT)
                    .as(PartsBackordered.class);
            assertThat(backordered.requestId()).isEqualTo("RQ-short-1");
            assertThat(backordered.quantity()).isEqualTo(2);
            tap.await(s -> s.is(PartsBackordered.class) && "C-none".equals(s.key()), WAIT);
            assertThat(tap.drain(Duration.ofMillis(500)))
                    .filteredOn(s -> "C-short".equals(s.key()) || "C-none".equals(s.key()))
                    .noneMatch(s -> s.is(PartsReserved.class));
        }
        assertThat(line("D-SH", "PUMP-24V")).isEqualTo(new StockLine("D-SH", "PUMP-24V", 1, 0, 1, 5));
    }

    @Test
    void reserves_a_request_once_however_often_it_arrives() throws Exception {
        stock("D-SH", "VALVE-IN", 10);
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            var request = request("RQ-dup-1", "C-dup", "VALVE-IN", 3);
            var eventId = UUID.randomUUID().toString();
            events.publish(request, "C-dup", eventId);
            events.publish(request, "C-dup", eventId);
            // Dispatch published the same request again under a new event id.
            events.publish(request, "C-dup");
            // Same key, same partition: once this one is answered, the three before it were handled.
            events.publish(request("RQ-dup-marker", "C-dup", "VALVE-IN", 1), "C-dup");

            tap.await(s -> s.is(PartsReserved.class) && s.payload().contains("RQ-dup-marker"), WAIT);
            assertThat(tap.drain(Duration.ofMillis(500)))
                    .filteredOn(s -> s.payload().contains("RQ-dup-1"))
                    .hasSize(1)
                    .allMatch(s -> s.is(PartsReserved.class));
        }
        assertThat(line("D-SH", "VALVE-IN").reserved()).isEqualTo(4);
    }

    @Test
    void a_completed_visit_consumes_its_reservations_once() throws Exception {
        stock("D-SH", "MEMBRANE-400", 10);
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(request("RQ-use-1", "C-use", "MEMBRANE-400", 3), "C-use");
            tap.await(s -> s.is(PartsReserved.class) && "C-use".equals(s.key()), WAIT);

            var eventId = UUID.randomUUID().toString();
            events.publish(completed("C-use"), "C-use", eventId);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(line("D-SH", "MEMBRANE-400"))
                            .isEqualTo(new StockLine("D-SH", "MEMBRANE-400", 7, 0, 7, 5)));

            events.publish(completed("C-use"), "C-use", eventId);
            events.publish(completed("C-use"), "C-use");
            // A redelivered request of a consumed reservation must not reserve again either.
            events.publish(request("RQ-use-1", "C-use", "MEMBRANE-400", 3), "C-use");
            events.publish(request("RQ-use-marker", "C-use", "MEMBRANE-400", 1), "C-use");
            tap.await(s -> s.is(PartsReserved.class) && s.payload().contains("RQ-use-marker"), WAIT);
        }
        assertThat(line("D-SH", "MEMBRANE-400")).isEqualTo(new StockLine("D-SH", "MEMBRANE-400", 7, 1, 6, 5));
    }

    @Test
    void a_dealer_sees_and_sets_only_its_own_locations() throws Exception {
        var other = TestTokens.dealer("dealer-bj", "D-BJ");
        var own = TestTokens.dealer("dealer-sh", "D-SH");
        var line = "[{\"locationId\":\"D-SH\",\"partNumber\":\"HOSE-6MM\",\"onHand\":4,\"reorderPoint\":1}]";

        assertThat(putStock(other, line).statusCode()).isEqualTo(403);
        assertThat(getStock(other, "D-SH").statusCode()).isEqualTo(403);
        assertThat(putStock(TestTokens.technician("T-001", "D-SH"), line).statusCode())
                .isEqualTo(403);

        assertThat(putStock(own, line).statusCode()).isEqualTo(200);
        var mine = getStock(own, "D-SH");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("\"partNumber\":\"HOSE-6MM\"").contains("\"available\":4");
    }

    @Test
    void refuses_on_hand_below_what_is_reserved_or_a_missing_field_naming_the_row() throws Exception {
        stock("D-SH", "FILTER-PP", 5);
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(request("RQ-floor-1", "C-floor", "FILTER-PP", 4), "C-floor");
            tap.await(s -> s.is(PartsReserved.class) && "C-floor".equals(s.key()), WAIT);
        }

        var below = putStock(
                TestTokens.ops(),
                "[{\"locationId\":\"D-SH\",\"partNumber\":\"FAUCET\",\"onHand\":9,\"reorderPoint\":1},"
                        + "{\"locationId\":\"D-SH\",\"partNumber\":\"FILTER-PP\",\"onHand\":3,\"reorderPoint\":1}]");
        assertThat(below.statusCode()).isEqualTo(400);
        assertThat(below.body()).contains("[1].onHand").contains("4 units reserved");
        assertThat(getStock(TestTokens.ops(), "D-SH").body()).doesNotContain("FAUCET");

        var missing = putStock(
                TestTokens.ops(),
                "[{\"locationId\":\"D-SH\",\"partNumber\":\"FAUCET\",\"onHand\":9},{\"locationId\":\"D-SH\"}]");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("[1].partNumber").contains("[1].onHand");
        assertThat(line("D-SH", "FILTER-PP")).isEqualTo(new StockLine("D-SH", "FILTER-PP", 5, 4, 1, 5));
    }
}
