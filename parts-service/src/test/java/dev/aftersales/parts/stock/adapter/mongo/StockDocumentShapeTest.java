package dev.aftersales.parts.stock.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.test.StoredShape;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.Stock;
import java.math.BigDecimal;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class StockDocumentShapeTest {

    static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    static final String STORED = """
            {"_id": "D-SH|FLT-RO-01", \
            "locationId": "D-SH", \
            "partNumber": "FLT-RO-01", \
            "onHand": 3, \
            "reserved": 1, \
            "available": 2, \
            "reorderPoint": 1, \
            "reservations": [{"requestId": "R-2", "complaintId": "C-2", "assignmentId": "ASG-C-2", "quantity": 1, "reservedAt": {"$date": "2026-03-10T10:00:00Z"}, "source": "OWN_DEALER", "readyAt": {"$date": "2026-03-10T10:00:00Z"}, "expiresAt": {"$date": "2026-03-10T12:00:00Z"}}], \
            "consumedRequestIds": ["R-1"], \
            "nextExpiryAt": {"$date": "2026-03-10T12:00:00Z"}, \
            "lots": [{"receivedAt": {"$date": "2026-03-10T10:00:00Z"}, "units": 3}], \
            "unitCost": {"$numberDecimal": "12.50"}, \
            "_class": "dev.aftersales.parts.stock.adapter.mongo.StockDocument"}""";

    final StoredShape shape = new StoredShape();

    static Stock everythingSet() {
        var stock = Stock.open("D-SH", "FLT-RO-01");
        stock.setOnHand(5, 1, AT);
        stock.setUnitCost(new BigDecimal("12.50"));
        stock.reserve(new Reservation("R-1", "C-1", "ASG-C-1", 2, AT).withExpiry(AT.plusSeconds(3600)), AT);
        stock.consumeReservationsOf("ASG-C-1");
        stock.reserve(new Reservation("R-2", "C-2", "ASG-C-2", 1, AT).withExpiry(AT.plusSeconds(7200)), AT);
        return stock;
    }

    @Test
    void a_stock_line_is_stored_with_the_same_fields_as_before() {
        // Compared as documents: field order does not matter to a read.
        assertThat(Document.parse(shape.json(StockDocument.of(everythingSet()))))
                .isEqualTo(Document.parse(STORED));
    }

    @Test
    void a_stock_line_reads_back_as_it_was_written() {
        var stock = everythingSet();
        var back = shape.read(StockDocument.class, shape.write(StockDocument.of(stock)))
                .toStock();

        assertThat(shape.json(StockDocument.of(back))).isEqualTo(shape.json(StockDocument.of(stock)));
        assertThat(Outbox.of(back.events()).pending())
                .hasSameSizeAs(Outbox.of(stock.events()).pending());
    }
}
