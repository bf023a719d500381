package dev.aftersales.dispatch.assignment.adapter.mongo;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.assignedToOriginalInstaller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.StoredShape;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.dispatch.archive.adapter.mongo.StoreConversions;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.FeeQuote;
import dev.aftersales.dispatch.assignment.domain.PartRequest;
import dev.aftersales.dispatch.assignment.domain.PartStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Assignments as documents already in the store hold them: decimal amounts as strings, fields that
 * later versions added absent. The state moved into one unwrapped class; these documents still read.
 */
class StoredAssignmentsReadTest {

    private final StoredShape shape = new StoredShape(StoreConversions.conversions());

    private AssignmentDocument read(Document stored) {
        return shape.read(AssignmentDocument.class, stored);
    }

    @Test
    void a_stored_assignment_reads_with_every_field_and_its_amounts_exact() {
        var assignment =
                read(Document.parse(AssignmentDocumentShapeTest.STORED)).toAssignment();

        assertThat(assignment.id()).isEqualTo("ASG-C-1");
        assertThat(assignment.complaintId()).isEqualTo("C-1");
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.COMPLETED);
        assertThat(assignment.technicianId()).isEqualTo("T-001");
        assertThat(assignment.contact().phone()).isEqualTo("13812345678");
        assertThat(assignment.repeatVisit()).isTrue();
        assertThat(assignment.quote())
                .isEqualTo(new FeeQuote(
                        false,
                        new BigDecimal("50.00"),
                        new BigDecimal("80"),
                        new BigDecimal("120.50"),
                        new BigDecimal("250.50"),
                        Instant.parse("2026-11-23T08:01:00Z")));
        assertThat(assignment.consent().amount()).isEqualTo(new BigDecimal("300.00"));
        assertThat(assignment.visit().feeCharged()).isEqualTo(new BigDecimal("280.00"));
        assertThat(assignment.visit().partsUsed()).containsExactly(new PartLine("FILTER-RO", 2));
        assertThat(assignment.parts())
                .containsExactly(new PartRequest("PR-1", "FILTER-RO", 2, PartStatus.REQUESTED, null, null));
        assertThat(assignment.passedOver()).isEmpty();
    }

    @Test
    void a_document_from_before_repeat_visits_and_declines_were_kept_reads_as_neither() {
        var stored = Document.parse(AssignmentDocumentShapeTest.STORED);
        stored.remove("repeatVisit");
        stored.remove("passedOver");
        stored.remove("parts");

        var assignment = read(stored).toAssignment();

        assertThat(assignment.repeatVisit()).isFalse();
        assertThat(assignment.passedOver()).isEmpty();
        assertThat(assignment.parts()).isEmpty();
        assertThat(assignment.passedOverWith("T-001")).containsExactly("T-001");
    }

    @Test
    void an_amount_stored_as_a_bson_decimal_reads_as_the_same_amount() {
        var stored = Document.parse(AssignmentDocumentShapeTest.STORED.replace(
                "\"amount\": \"300.00\"", "\"amount\": {\"$numberDecimal\": \"300.00\"}"));

        assertThat(read(stored).toAssignment().consent().amount()).isEqualTo(new BigDecimal("300.00"));
    }

    @Test
    void an_amount_is_written_as_its_plain_decimal_string_never_in_exponent_form() {
        var assignment = assignedToOriginalInstaller("C-2", "WP-0001", AssignmentDocumentShapeTest.NOW);
        assignment.recordConsentByCall(new BigDecimal("1E+3"), "ref-2", "agent-1", AssignmentDocumentShapeTest.NOW);

        var consent = shape.write(AssignmentDocument.of(assignment)).get("consent", Document.class);

        assertThat(consent.get("amount")).isEqualTo("1000");
    }
}
