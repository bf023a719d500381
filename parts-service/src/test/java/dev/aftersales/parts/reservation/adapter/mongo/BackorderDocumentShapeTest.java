package dev.aftersales.parts.reservation.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.test.StoredShape;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.parts.reservation.domain.Backorder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackorderDocumentShapeTest {

    static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    static final String STORED = """
            {"_id": "PR-1", \
            "complaintId": "C-1", \
            "assignmentId": "ASG-C-1", \
            "locationId": "D-SH", \
            "partNumber": "FILTER-RO", \
            "quantity": 2, \
            "backorderedAt": {"$date": "2026-03-10T10:00:00Z"}, \
            "priority": "URGENT", \
            "status": "SERVING", \
            "servingLocationId": "D-BJ", \
            "_class": "dev.aftersales.parts.reservation.adapter.mongo.BackorderDocument"}""";

    final StoredShape shape = new StoredShape();

    static Backorder everythingSet() {
        var backorder = Backorder.of("PR-1", "C-1", "ASG-C-1", "D-SH", "FILTER-RO", 2, Priority.URGENT, AT, AT);
        backorder.claim("D-BJ");
        return backorder;
    }

    @Test
    void a_backorder_is_stored_with_the_same_fields_as_before() {
        assertThat(shape.json(BackorderDocument.of(everythingSet()))).isEqualTo(STORED.strip());
    }

    @Test
    void a_backorder_reads_back_as_it_was_written() {
        var backorder = everythingSet();
        var back = shape.read(BackorderDocument.class, shape.write(BackorderDocument.of(backorder)))
                .toBackorder();

        assertThat(shape.json(BackorderDocument.of(back))).isEqualTo(shape.json(BackorderDocument.of(backorder)));
        assertThat(Outbox.of(back.events()).pending())
                .hasSameSizeAs(Outbox.of(backorder.events()).pending());
    }
}
