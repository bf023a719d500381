package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.contracts.intake.PriorityChanged;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.parts.reservation.application.RecordComplaintPriority;
import dev.aftersales.parts.reservation.domain.Backorder;
import dev.aftersales.parts.reservation.domain.Backorders;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Priority travels from intake to the backorder line through the events alone: a case raised to HIGH
 * after its backorder was made is served before an older NORMAL one when stock arrives.
 */
@ServiceSliceTest
class PriorityFirstTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DEALER = "D-PF";
    static final String PART = "VALVE-PF";

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Backorders backorders;

    @Autowired
    CaseFacts caseFacts;

    @Autowired
    RecordComplaintPriority recordPriority;

    @Autowired
    MutableClock clock;

    @Autowired
    SetStock setStock;

    TestEvents events;

    @BeforeEach
    void connect() {
        events = new TestEvents(brokers);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    static ComplaintRegistered registered(String complaintId, Instant at) {
        return new ComplaintRegistered(
                complaintId,
                ComplaintKind.REPAIR,
                Channel.HOTLINE,
                "SN-" + complaintId,
                "WP-0001",
                "no water",
                null,
                new CaseContact("Customer", "13800000000", null, "310115"),
                "agent-1",
                at,
                at.plus(Duration.ofHours(1)),
                at.plus(Duration.ofHours(24)),
                at.plus(Duration.ofDays(3)));
    }

    static PartsRequested request(String complaintId) {
        return new PartsRequested(
                "RQ-" + complaintId, complaintId, "ASG-" + complaintId, "T-PF", DEALER, PART, 1, Instant.now());
    }

    @Test
    void a_case_raised_to_high_after_its_backorder_is_served_before_an_older_normal_one() throws Exception {
        var locations = ChainLocations.imported(new PartsApi(port), DEALER, "D-PF-HZ", "D-PF-BJ", "F-PF");
        var registeredAt = clock.instant();
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(registered("C-pf-old", registeredAt), "C-pf-old");
            events.publish(request("C-pf-old"), "C-pf-old");
            tap.await(s -> s.is(PartsBackordered.class) && "C-pf-old".equals(s.key()), WAIT);
            clock.advance(Duration.ofHours(1));

            events.publish(registered("C-pf-new", registeredAt), "C-pf-new");
            events.publish(request("C-pf-new"), "C-pf-new");
            tap.await(s -> s.is(PartsBackordered.class) && "C-pf-new".equals(s.key()), WAIT);
            assertThat(backorders.openFor(PART))
                    .extracting(Backorder::requestId)
                    .as("both NORMAL: the older first")
                    .containsExactly("RQ-C-pf-old", "RQ-C-pf-new");

            // The third call about the newer case: intake raises its priority.
            events.publish(
                    new PriorityChanged(
                            "C-pf-new", Priority.HIGH, "third call", "system", registeredAt.plusSeconds(3600)),
                    "C-pf-new");
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(
                                    backorders.find("RQ-C-pf-new").orElseThrow().priority())
                            .isEqualTo(Priority.HIGH));

            locations.stock(DEALER, PART, 1);
            var served = tap.await(s -> s.is(PartsReserved.class), WAIT).as(PartsReserved.class);
            assertThat(served.requestId()).isEqualTo("RQ-C-pf-new");
            assertThat(served.complaintId()).isEqualTo("C-pf-new");
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                backorders.find("RQ-C-pf-new").orElseThrow().status())
                        .isEqualTo(Backorder.Status.SERVED));
        assertThat(backorders.find("RQ-C-pf-old").orElseThrow().status()).isEqualTo(Backorder.Status.WAITING);

        // A redelivered registration (or an older change) does not undo the newer change.
        recordPriority.registered("C-pf-new", Priority.NORMAL, registeredAt);
        recordPriority.changed("C-pf-new", Priority.NORMAL, registeredAt.plusSeconds(60));
        assertThat(caseFacts.priorityOf("C-pf-new")).isEqualTo(Priority.HIGH);
    }

    @Test
    void the_line_follows_a_change_that_reached_the_case_after_the_backorder_read_its_priority() {
        var now = clock.instant();
        backorders.add(Backorder.of("RQ-pf-race-old", "C-pf-race-old", "ASG-pf-1", DEALER, "PART-RACE", 1, now));
        backorders.add(Backorder.of(
                "RQ-pf-race-new", "C-pf-race-new", "ASG-pf-2", DEALER, "PART-RACE", 1, now.plusSeconds(60)));
        // The change reached the case facts, but the backorder was stored with the priority read before it.
        caseFacts.recordPriority("C-pf-race-new", Priority.URGENT, now, false);

        setStock.set(new SetStockCommand(List.of(new SetStockCommand.Line(DEALER, "PART-RACE", 1, 0))));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                backorders.find("RQ-pf-race-new").orElseThrow().status())
                        .isEqualTo(Backorder.Status.SERVED));
        assertThat(backorders.find("RQ-pf-race-old").orElseThrow().status()).isEqualTo(Backorder.Status.WAITING);
    }
}
