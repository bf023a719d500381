package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.AssignmentCancelled;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.WithdrawalReason;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.ReservationReleased;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** A withdrawn assignment (AssignmentCancelled from dispatch) gives back what was held for its visit, once. */
@ServiceSliceTest
class WithdrawalTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DEALER = "D-WD";

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Stocks stocks;

    @Autowired
    Backorders backorders;

    TestEvents events;

    @BeforeEach
    void connect() {
        events = new TestEvents(brokers);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    static PartsRequested request(String requestId, String complaintId, String part, int quantity) {
        return new PartsRequested(
                requestId, complaintId, "ASG-" + complaintId, "T-WD", DEALER, part, quantity, Instant.now());
    }

    static AssignmentCancelled cancelled(String complaintId, WithdrawalReason reason) {
        return new AssignmentCancelled(
                "ASG-" + complaintId,
                complaintId,
                "T-WD",
                reason,
                false,
                "waived: cancelled before arrival",
                BigDecimal.ZERO,
                Instant.now());
    }

    @Test
    void a_withdrawn_assignment_releases_its_reservations_exactly_once_and_leaves_the_others_held() throws Exception {
        var part = "VALVE-WD";
        ChainLocations.imported(new PartsApi(port), DEALER, "D-WD-HZ", "D-WD-BJ", "F-WD")
                .stock(DEALER, part, 3);
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(request("RQ-wd-gone", "C-wd-gone", part, 2), "C-wd-gone");
            events.publish(request("RQ-wd-kept", "C-wd-kept", part, 1), "C-wd-kept");
            tap.await(s -> s.is(PartsReserved.class) && "C-wd-gone".equals(s.key()), WAIT);
            tap.await(s -> s.is(PartsReserved.class) && "C-wd-kept".equals(s.key()), WAIT);

            // Dispatch's event, and a redelivery of it under a new id (a producer retry after a lost ack).
            var withdrawal = cancelled("C-wd-gone", WithdrawalReason.SETTLED_BY_PHONE);
            events.publish(withdrawal, "C-wd-gone");
            events.publish(withdrawal, "C-wd-gone");

            var released = tap.await(ReservationReleased.class, WAIT);
            assertThat(released.requestId()).isEqualTo("RQ-wd-gone");
            assertThat(released.assignmentId()).isEqualTo("ASG-C-wd-gone");
            assertThat(released.quantity()).isEqualTo(2);
            assertThat(released.locationId()).isEqualTo(DEALER);
            assertThat(released.reason()).isEqualTo("WITHDRAWN");
            assertThat(tap.drain(Duration.ofSeconds(3)).stream().filter(s -> s.is(ReservationReleased.class)))
                    .as("released once, whatever the redeliveries")
                    .hasSize(1);
        }
        var line = stocks.find(Stock.idOf(DEALER, part)).orElseThrow();
        assertThat(line.reservations()).extracting(Reservation::requestId).containsExactly("RQ-wd-kept");
        assertThat(line.available()).isEqualTo(2);
    }

    @Test
    void a_withdrawn_assignments_backorder_leaves_the_line_and_arriving_stock_serves_the_next() throws Exception {
        var part = "VALVE-WD-BO";
        var locations = ChainLocations.imported(new PartsApi(port), DEALER, "D-WD-HZ", "D-WD-BJ", "F-WD");
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(request("RQ-wd-first", "C-wd-first", part, 1), "C-wd-first");
            tap.await(s -> s.is(PartsBackordered.class) && "C-wd-first".equals(s.key()), WAIT);
            events.publish(request("RQ-wd-second", "C-wd-second", part, 1), "C-wd-second");
            tap.await(s -> s.is(PartsBackordered.class) && "C-wd-second".equals(s.key()), WAIT);

            events.publish(cancelled("C-wd-first", WithdrawalReason.CUSTOMER_CANCELLED), "C-wd-first");
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(
                                    backorders.find("RQ-wd-first").orElseThrow().status())
                            .isEqualTo(Backorder.Status.WITHDRAWN));

            locations.stock(DEALER, part, 1);
            var reserved = tap.await(s -> s.is(PartsReserved.class), WAIT).as(PartsReserved.class);
            assertThat(reserved.requestId()).isEqualTo("RQ-wd-second");
        }
        assertThat(backorders.find("RQ-wd-second").orElseThrow().status()).isEqualTo(Backorder.Status.SERVED);
        assertThat(backorders.openFor(part)).isEmpty();
    }
}
