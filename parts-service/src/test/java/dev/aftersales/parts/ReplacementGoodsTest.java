package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.contracts.intake.ResolutionAgreed;
import dev.aftersales.contracts.intake.ResolutionKind;
import dev.aftersales.contracts.parts.ReplacementBackordered;
import dev.aftersales.contracts.parts.ReplacementReserved;
import dev.aftersales.contracts.parts.ReplacementShipped;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Goods an agreed resolution promised (a replacement, a gift) are held along the chain from the
 * selling dealer, once per action, and the dealer holding them confirms they left for the customer.
 */
@ServiceSliceTest
class ReplacementGoodsTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SHANGHAI = "D-RG-SH";
    static final String HANGZHOU = "D-RG-HZ";

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Stocks stocks;

    @Autowired
    MeterRegistry meters;

    TestEvents events;
    PartsApi api;
    ChainLocations locations;

    @BeforeEach
    void connect() throws Exception {
        events = new TestEvents(brokers);
        api = new PartsApi(port);
        locations = ChainLocations.imported(api, SHANGHAI, HANGZHOU, "D-RG-BJ", "F-RG");
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    static ResolutionAction goods(ResolutionKind kind, String actionId, String item, int quantity) {
        return new ResolutionAction(
                kind,
                "replace the faulty units",
                null,
                actionId,
                "DEALER",
                SHANGHAI,
                Instant.now().plus(Duration.ofDays(2)),
                item,
                quantity,
                SHANGHAI,
                null);
    }

    static ResolutionAgreed agreed(String complaintId, ResolutionAction... actions) {
        return new ResolutionAgreed(complaintId, "RES-" + complaintId, List.of(actions), "supervisor-1", Instant.now());
    }

    double shipped() {
        return meters.counter("aftersales.parts.replacements.shipped").count();
    }

    @Test
    void goods_are_held_along_the_chain_from_the_selling_dealer_once_and_shipped_by_the_dealer_holding_them()
            throws Exception {
        var model = "WP-RG-MODEL";
        var gift = "FLT-RG-GIFT";
        locations.stock(HANGZHOU, model, 5); // the selling dealer has none: the nearest dealer holds them
        locations.stock(SHANGHAI, gift, 1);
        var agreement = agreed(
                "C-rg-1",
                goods(ResolutionKind.REPLACEMENT, "A-1", model, 2),
                goods(ResolutionKind.FREE_GOODS, "A-2", gift, 1),
                new ResolutionAction(ResolutionKind.FEE_REFUND, "door fee back", new BigDecimal("50")));
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(agreement, "C-rg-1");
            events.publish(agreement, "C-rg-1"); // redelivered under a new id

            var replacement = tap.await(
                            s -> s.is(ReplacementReserved.class)
                                    && s.as(ReplacementReserved.class)
                                            .actionId()
                                            .equals("A-1"),
                            WAIT)
                    .as(ReplacementReserved.class);
            assertThat(replacement)
                    .extracting(
                            ReplacementReserved::complaintId,
                            ReplacementReserved::itemNumber,
                            ReplacementReserved::quantity,
                            ReplacementReserved::locationId,
                            ReplacementReserved::dealerId)
                    .containsExactly("C-rg-1", model, 2, HANGZHOU, HANGZHOU);
            var present = tap.await(
                            s -> s.is(ReplacementReserved.class)
                                    && s.as(ReplacementReserved.class)
                                            .actionId()
                                            .equals("A-2"),
                            WAIT)
                    .as(ReplacementReserved.class);
            assertThat(present.locationId()).isEqualTo(SHANGHAI);
            assertThat(tap.drain(Duration.ofSeconds(3)).stream().filter(s -> s.is(ReplacementReserved.class)))
                    .as("one hold per action, whatever the redeliveries")
                    .hasSize(2);
        }
        assertThat(locations.line(HANGZHOU, model).reserved()).isEqualTo(2);
        assertThat(locations.line(HANGZHOU, model).available()).isEqualTo(3);
        assertThat(locations.line(SHANGHAI, gift).available()).isZero();

        var hangzhou = TestTokens.dealer("dealer-hz", HANGZHOU);
        var view = api.get("/api/replacements/C-rg-1/A-1", hangzhou);
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        assertThat(view.body()).contains("\"status\":\"RESERVED\"").contains("\"shippingDealerId\":\"" + HANGZHOU);

        // The selling dealer does not hold them: to it they do not exist.
        var notTheirs = api.post(
                "/api/replacements/C-rg-1/A-1/shipped",
                TestTokens.dealer("dealer-sh", SHANGHAI),
                "application/json",
                "{}");
        assertThat(notTheirs.statusCode()).isEqualTo(404);

        double before = shipped();
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            var confirmed = api.post(
                    "/api/replacements/C-rg-1/A-1/shipped", hangzhou, "application/json", "{\"waybill\":\"SF-1001\"}");
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            assertThat(confirmed.body()).contains("\"status\":\"SHIPPED\"");
            var again = api.post("/api/replacements/C-rg-1/A-1/shipped", hangzhou, "application/json", "{}");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(again.body()).contains("\"status\":\"SHIPPED\"");

            var event = tap.await(ReplacementShipped.class, WAIT);
            assertThat(event)
                    .extracting(
                            ReplacementShipped::complaintId,
                            ReplacementShipped::actionId,
                            ReplacementShipped::locationId,
                            ReplacementShipped::waybill,
                            ReplacementShipped::shippedBy)
                    .containsExactly("C-rg-1", "A-1", HANGZHOU, "SF-1001", "dealer-hz");
            assertThat(tap.drain(Duration.ofSeconds(2)).stream().filter(s -> s.is(ReplacementShipped.class)))
                    .hasSize(1);
        }
        assertThat(shipped() - before).isEqualTo(1.0);
        var line = stocks.find(Stock.idOf(HANGZHOU, model)).orElseThrow();
        assertThat(line.onHand()).isEqualTo(3);
        assertThat(line.reserved()).isZero();
    }

    @Test
    void goods_in_stock_nowhere_wait_in_line_and_arriving_stock_holds_them() throws Exception {
        var item = "WP-RG-NONE";
        var shanghai = TestTokens.dealer("dealer-sh", SHANGHAI);
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(agreed("C-rg-2", goods(ResolutionKind.REPLACEMENT, "A-1", item, 1)), "C-rg-2");
            var backordered = tap.await(ReplacementBackordered.class, WAIT);
            assertThat(backordered.actionId()).isEqualTo("A-1");
            assertThat(backordered.itemNumber()).isEqualTo(item);

            var tooEarly = api.post("/api/replacements/C-rg-2/A-1/shipped", shanghai, "application/json", "{}");
            assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
            assertThat(tooEarly.headers().firstValue("Content-Type")).hasValue("application/problem+json");

            locations.stock(SHANGHAI, item, 1);
            var reserved = tap.await(ReplacementReserved.class, WAIT);
            assertThat(reserved.complaintId()).isEqualTo("C-rg-2");
            assertThat(reserved.locationId()).isEqualTo(SHANGHAI);
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(stocks.find(Stock.idOf(SHANGHAI, item))
                                .orElseThrow()
                                .reservations())
                        .extracting(Reservation::actionId)
                        .containsExactly("A-1"));
    }

    @Test
    void a_waybill_longer_than_its_bound_is_refused_naming_the_field_and_nothing_ships() throws Exception {
        var item = "FLT-RG-BOUND";
        locations.stock(SHANGHAI, item, 1);
        try (var tap = EventTap.open(brokers, Topics.PARTS_RESERVATIONS)) {
            events.publish(agreed("C-rg-3", goods(ResolutionKind.FREE_GOODS, "A-9", item, 1)), "C-rg-3");
            tap.await(ReplacementReserved.class, WAIT);
        }
        var shanghai = TestTokens.dealer("dealer-sh", SHANGHAI);

        var refused = api.post(
                "/api/replacements/C-rg-3/A-9/shipped",
                shanghai,
                "application/json",
                "{\"waybill\":\"%s\"}".formatted("W".repeat(129)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("waybill");
        assertThat(api.get("/api/replacements/C-rg-3/A-9", shanghai).body()).contains("\"status\":\"RESERVED\"");

        var technician = api.post(
                "/api/replacements/C-rg-3/A-9/shipped",
                TestTokens.technician("T-RG", SHANGHAI),
                "application/json",
                "{}");
        assertThat(technician.statusCode()).isEqualTo(403);
        assertThat(stocks.find(Stock.idOf(SHANGHAI, item)).orElseThrow().reserved())
                .isEqualTo(1);
    }
}
