package dev.aftersales.parts.value.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The value report (and the gauge, which values every location the same way) over stored lines. */
@ServiceSliceTest
class StockValueTest {

    @Autowired
    ValueStock valueStock;

    @Autowired
    SetStock setStock;

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    Stocks stocks;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MutableClock clock;

    final String dealer = "D-V" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void values_every_unit_on_hand_held_or_not_without_reading_the_lines_reservations() {
        var part = "P-V-" + UUID.randomUUID().toString().substring(0, 6);
        setStock.set(
                new SetStockCommand(List.of(new SetStockCommand.Line(dealer, part, 10, 0, new BigDecimal("100.00")))));
        var requestId = "RQ-V" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(reserveParts.reserve(new ReservePartsCommand(
                        UUID.randomUUID().toString(),
                        requestId,
                        "C-" + requestId,
                        "ASG-" + requestId,
                        dealer,
                        part,
                        3)))
                .isEqualTo(ReservationOutcome.RESERVED);
        // A line whose reservations cannot be read: valuing its location must not need them.
        var unreadable = Stock.idOf(dealer, "P-V-UNREADABLE");
        mongo.insert(
                new Document("_id", unreadable)
                        .append("locationId", dealer)
                        .append("partNumber", "P-V-UNREADABLE")
                        .append("onHand", 2)
                        .append("reserved", 0)
                        .append("available", 2)
                        .append("reorderPoint", 0)
                        .append("reservations", List.of(new Document("quantity", "not a number")))
                        .append(
                                "lots",
                                List.of(new Document("receivedAt", Date.from(clock.instant())).append("units", 2)))
                        .append("unitCost", new Decimal128(new BigDecimal("50.00"))),
                "stock");
        try {
            assertThatThrownBy(() -> stocks.atLocation(dealer))
                    .as("the line cannot be read whole")
                    .isInstanceOf(RuntimeException.class);

            var valuation = valueStock.value(dealer, null);

            assertThat(valuation.buckets().get(0).units()).isEqualTo(12);
            assertThat(valuation.cost()).isEqualByComparingTo("1100");
            assertThat(valuation.bookValue()).isEqualByComparingTo("1100");
            assertThat(valueStock.value(null, null).bookValue())
                    .as("every location's value holds this one's")
                    .isGreaterThanOrEqualTo(new BigDecimal("1100"));
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(unreadable)), "stock");
        }
    }
}
