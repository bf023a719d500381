package dev.aftersales.dispatch.assignment.adapter.mongo;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.assignedToOriginalInstaller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.FeeQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The running service's store keeps amounts as the pinned shape says: decimal strings, exact. */
@ServiceSliceTest
class MongoAssignmentsTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:01:00Z");

    @Autowired
    Assignments assignments;

    @Autowired
    MongoTemplate mongo;

    @Test
    void the_service_stores_a_quote_and_a_consent_as_decimal_strings_and_reads_them_back_exact() {
        var complaintId = "C-" + UUID.randomUUID();
        var assignment = assignedToOriginalInstaller(complaintId, "WP-0001", NOW);
        var quote = new FeeQuote(
                false,
                new BigDecimal("30"),
                new BigDecimal("50.00"),
                new BigDecimal("0.10"),
                new BigDecimal("80.10"),
                NOW);
        assignment.quote(quote);
        assignment.recordConsentByCall(new BigDecimal("120.00"), "ref-1", "agent-1", NOW);
        assignments.add(assignment);

        var stored = mongo.getCollection("assignments")
                .find(new Document("_id", assignment.id()))
                .first();
        assertThat(stored.get("quote", Document.class))
                .containsEntry("doorFee", "30")
                .containsEntry("labour", "50.00")
                .containsEntry("parts", "0.10")
                .containsEntry("total", "80.10");
        assertThat(stored.get("consent", Document.class)).containsEntry("amount", "120.00");
        assertThat(stored).containsEntry("complaintId", complaintId).containsEntry("status", "ASSIGNED");

        var back = assignments.byId(assignment.id()).orElseThrow();
        assertThat(back.quote()).isEqualTo(quote);
        assertThat(back.consent().amount()).isEqualTo(new BigDecimal("120.00"));
    }
}
