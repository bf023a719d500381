package dev.aftersales.dispatch.assignment.adapter.mongo;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.assignedToOriginalInstaller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.test.StoredShape;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.dispatch.archive.adapter.mongo.StoreConversions;
import dev.aftersales.dispatch.assignment.domain.Appointment;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.FeeQuote;
import dev.aftersales.dispatch.assignment.domain.Visit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents already stored must still read: the field names and value shapes of an assignment stay as they were. */
class AssignmentDocumentShapeTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:01:00Z");

    static final String STORED = """
            {"_id": "ASG-C-1", \
            "complaintId": "C-1", \
            "serialNumber": "WP-0001", \
            "kind": "REPAIR", \
            "symptoms": "漏水", \
            "contact": {"name": "王芳", "phone": "13812345678", "address": "上海市浦东新区张江路88号", "regionCode": "310115"}, \
            "onSiteDue": {"$date": "2026-11-24T08:00:00Z"}, \
            "site": {"address": "上海市浦东新区张江路88号", "regionCode": "310115"}, \
            "status": "COMPLETED", \
            "rule": "ORIGINAL_INSTALLER", \
            "reason": "original installer", \
            "technicianId": "T-001", \
            "dealerId": "D-SH", \
            "decidedAt": {"$date": "2026-11-23T08:01:00Z"}, \
            "acceptedAt": {"$date": "2026-11-23T08:01:00Z"}, \
            "passedOver": [], \
            "appointment": {"windowStart": {"$date": "2026-11-23T09:01:00Z"}, "windowEnd": {"$date": "2026-11-23T10:01:00Z"}}, \
            "arrivedAt": {"$date": "2026-11-23T09:07:40Z"}, \
            "quote": {"inWarranty": false, "doorFee": "50.00", "labour": "80", "parts": "120.50", "total": "250.50", "quotedAt": {"$date": "2026-11-23T08:01:00Z"}}, \
            "consent": {"amount": "300.00", "method": "AGENT_CALL", "reference": "ref-1", "recordedAt": {"$date": "2026-11-23T08:01:00Z"}, "recordedBy": "agent-1"}, \
            "consentCodesSent": [], \
            "repeatVisit": true, \
            "parts": [{"requestId": "PR-1", "partNumber": "FILTER-RO", "quantity": 2, "status": "REQUESTED"}], \
            "visit": {"diagnosis": "membrane worn", "rootCause": "WEAR", "partsUsed": [{"partNumber": "FILTER-RO", "quantity": 2}], "feeCharged": "280.00", "fixed": true, "completedAt": {"$date": "2026-11-23T10:31:00Z"}}, \
            "offlineClaims": [{"clientId": "u-1", "type": "ARRIVE", "claimedAt": {"$date": "2026-11-23T09:07:40Z"}, "receivedAt": {"$date": "2026-11-23T09:08:00Z"}}], \
            "priority": "NORMAL", \
            "_class": "dev.aftersales.dispatch.assignment.adapter.mongo.AssignmentDocument"}""";

    private final StoredShape shape = new StoredShape(StoreConversions.conversions());

    static Assignment everythingSet() {
        var a = assignedToOriginalInstaller("C-1", "WP-0001", NOW);
        a.setAppointment(new Appointment(NOW.plusSeconds(3600), NOW.plusSeconds(7200)), NOW, Duration.ofHours(2));
        a.quote(new FeeQuote(
                false,
                new BigDecimal("50.00"),
                new BigDecimal("80"),
                new BigDecimal("120.50"),
                new BigDecimal("250.50"),
                NOW));
        a.recordConsentByCall(new BigDecimal("300.00"), "ref-1", "agent-1", NOW);
        a.requestParts("PR-1", "FILTER-RO", 2, NOW.plusSeconds(60));
        a.markRepeatVisit();
        a.arrive(NOW.plusSeconds(4000));
        a.recordOfflineClaim(new dev.aftersales.dispatch.assignment.domain.OfflineClaim(
                "u-1", "ARRIVE", NOW.plusSeconds(4000), NOW.plusSeconds(4020)));
        a.complete(new Visit(
                "membrane worn",
                "WEAR",
                List.of(new PartLine("FILTER-RO", 2)),
                new BigDecimal("280.00"),
                true,
                NOW.plusSeconds(9000)));
        return a;
    }

    @Test
    void an_assignment_is_stored_with_the_same_fields_as_before() {
        assertThat(shape.json(AssignmentDocument.of(everythingSet()))).isEqualTo(STORED.strip());
    }

    @Test
    void an_assignment_reads_back_as_it_was_written() {
        var a = everythingSet();
        var back = shape.read(AssignmentDocument.class, shape.write(AssignmentDocument.of(a)))
                .toAssignment();

        assertThat(shape.json(AssignmentDocument.of(back))).isEqualTo(shape.json(AssignmentDocument.of(a)));
        assertThat(Outbox.of(back.events()).pending())
                .hasSameSizeAs(Outbox.of(a.events()).pending());
    }
}
