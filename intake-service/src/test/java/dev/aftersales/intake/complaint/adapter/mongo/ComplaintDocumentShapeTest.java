package dev.aftersales.intake.complaint.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.contracts.intake.ResolutionKind;
import dev.aftersales.intake.complaint.domain.CallRecord;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintForm;
import dev.aftersales.intake.complaint.domain.Customer;
import dev.aftersales.intake.complaint.domain.Machine;
import dev.aftersales.intake.complaint.domain.Milestone;
import dev.aftersales.intake.complaint.domain.SlaPolicy;
import dev.aftersales.intake.complaint.domain.TimelineEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Pins the stored form of a case: documents written by an earlier version must still read, and the
 * queries (the SLA sweep, the waiting list, the backlog gauges) filter on these field names. Written
 * with the service's own converter, so the service's store conversions (calendar dates as ISO
 * strings) are part of what is pinned.
 */
@ServiceSliceTest
class ComplaintDocumentShapeTest {

    static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    static final String STORED = """
            {"_id": "C-20260310-0000000000AB", \
            "customer": {"name": "王芳", "phones": ["13812345678", "021-12345678"], "address": "上海市浦东新区张江路88号", "regionCode": "310115"}, \
            "machine": {"serialNumber": "WP-0001", "model": "RO-400", "spec": "400G", "productionDate": "2024-03-01", "batchNumber": "B2403"}, \
            "serialNumber": "WP-0001", \
            "purchasedOn": "2024-05-01", \
            "installedOn": "2024-05-03", \
            "kind": "QUALITY_COMPLAINT", \
            "channel": "HOTLINE", \
            "symptoms": "漏水", \
            "previousBrand": "A牌", \
            "recentUsage": "每天", \
            "customerRequest": "换机", \
            "customerId": "CU-1", \
            "customerTier": "KEY", \
            "takenBy": "agent-1", \
            "registeredAt": {"$date": "2026-03-10T10:00:00Z"}, \
            "sla": {"firstAnswerDue": {"$date": "2026-03-10T14:00:00Z"}, "onSiteDue": {"$date": "2026-03-11T10:00:00Z"}, "resolutionDue": {"$date": "2026-04-09T10:00:00Z"}}, \
            "clocks": {"firstAnswer": {"metAt": {"$date": "2026-03-10T11:00:00Z"}}, "onSite": {"stoppedAt": {"$date": "2026-03-10T10:00:00Z"}}, "resolution": {}}, \
            "nextSlaDue": {"$date": "2026-04-09T10:00:00Z"}, \
            "answered": true, \
            "status": "REOPENED", \
            "priority": "HIGH", \
            "settledByPhone": false, \
            "round": 2, \
            "calls": [\
            {"callId": "call-1", "at": {"$date": "2026-03-10T10:00:00Z"}, "takenBy": "agent-1", "channel": "HOTLINE", "note": "漏水"}, \
            {"callId": "call-2", "at": {"$date": "2026-03-10T10:10:00Z"}, "takenBy": "agent-2", "channel": "DEALER", "note": "还在漏"}, \
            {"callId": "call-3", "at": {"$date": "2026-03-10T10:20:00Z"}, "takenBy": "agent-1", "channel": "HOTLINE", "note": ""}], \
            "resolution": {"resolutionId": "RES-1", "actions": [{"kind": "REPLACEMENT", "description": "更换整机", "amount": {"$numberDecimal": "1299.50"}}], \
            "proposedBy": "agent-1", "proposedAt": {"$date": "2026-03-10T11:00:00Z"}, "approvedBy": "sup-1", "approvedAt": {"$date": "2026-03-10T12:00:00Z"}, \
            "acceptanceRecordedBy": "agent-1", "acceptedAt": {"$date": "2026-03-10T13:00:00Z"}, "round": 1}, \
            "timeline": [\
            {"at": {"$date": "2026-03-10T10:00:00Z"}, "what": "REGISTERED", "detail": "QUALITY_COMPLAINT via HOTLINE, taken by agent-1", "by": "agent-1"}, \
            {"at": {"$date": "2026-03-10T10:10:00Z"}, "what": "CALL_LOGGED", "detail": "call 2 via DEALER: 还在漏", "by": "agent-2"}, \
            {"at": {"$date": "2026-03-10T10:20:00Z"}, "what": "CALL_LOGGED", "detail": "call 3 via HOTLINE", "by": "agent-1"}, \
            {"at": {"$date": "2026-03-10T10:20:00Z"}, "what": "PRIORITY_RAISED", "detail": "HIGH: 3 calls before the case was done"}, \
            {"at": {"$date": "2026-03-10T11:00:00Z"}, "what": "RESOLUTION_PROPOSED", "detail": "REPLACEMENT 1299.50 (更换整机)", "by": "agent-1"}, \
            {"at": {"$date": "2026-03-10T12:00:00Z"}, "what": "RESOLUTION_APPROVED", "detail": "REPLACEMENT 1299.50 (更换整机)", "by": "sup-1"}, \
            {"at": {"$date": "2026-03-10T13:00:00Z"}, "what": "RESOLUTION_ACCEPTED", "detail": "customer accepted", "by": "agent-1"}, \
            {"at": {"$date": "2026-03-10T13:00:00Z"}, "what": "RESOLUTION_AGREED", "detail": "REPLACEMENT 1299.50 (更换整机), approved by sup-1", "by": "agent-1"}, \
            {"at": {"$date": "2026-03-11T10:00:00Z"}, "what": "TECHNICIAN_ASSIGNED", "detail": "ORIGINAL_INSTALLER", "technicianId": "T-1"}, \
            {"at": {"$date": "2026-03-12T10:00:00Z"}, "what": "CUSTOMER_DISSATISFIED", "detail": "round 1, not solved"}, \
            {"at": {"$date": "2026-03-12T10:00:00Z"}, "what": "REOPENED", "detail": "round 2: 还是漏水"}], \
            "version": 4, \
            "_class": "dev.aftersales.intake.complaint.adapter.mongo.ComplaintDocument"}""";

    @Autowired
    MongoConverter converter;

    /** A case with every part of its state set: the full form, repeat calls, a resolution, a reopening. */
    static Complaint everythingSet() {
        var form = new ComplaintForm(
                new Customer("王芳", List.of("13812345678", "021-12345678"), "上海市浦东新区张江路88号", "310115"),
                new Machine("WP-0001", "RO-400", "400G", LocalDate.parse("2024-03-01"), "B2403"),
                LocalDate.parse("2024-05-01"),
                LocalDate.parse("2024-05-03"),
                ComplaintKind.QUALITY_COMPLAINT,
                Channel.HOTLINE,
                "漏水",
                "A牌",
                "每天",
                "换机",
                "CU-1",
                "KEY");
        var complaint =
                Complaint.register("C-20260310-0000000000AB", form, "agent-1", AT, SlaPolicy.DEFAULT, "call-1", null);
        complaint.logCall(
                new CallRecord("call-2", AT.plus(Duration.ofMinutes(10)), "agent-2", Channel.DEALER, "还在漏"), 3);
        complaint.logCall(
                new CallRecord("call-3", AT.plus(Duration.ofMinutes(20)), "agent-1", Channel.HOTLINE, null), 3);
        complaint.proposeResolution(
                "RES-1",
                List.of(new ResolutionAction(ResolutionKind.REPLACEMENT, "更换整机", new BigDecimal("1299.50"))),
                "agent-1",
                AT.plus(Duration.ofHours(1)));
        complaint.approveResolution("sup-1", AT.plus(Duration.ofHours(2)));
        complaint.recordAcceptance("agent-1", AT.plus(Duration.ofHours(3)));
        complaint.record(
                "ce-assigned",
                new TimelineEntry(
                        AT.plus(Duration.ofDays(1)), Milestone.TECHNICIAN_ASSIGNED, "ORIGINAL_INSTALLER", "T-1"));
        var dissatisfied = AT.plus(Duration.ofDays(2));
        complaint.events().firstDelivery("ce-dissatisfied");
        complaint.customerDissatisfied(
                1,
                "还是漏水",
                new TimelineEntry(dissatisfied, Milestone.CUSTOMER_DISSATISFIED, "round 1, not solved", null));
        return complaint;
    }

    Document write(Object document) {
        var bson = new Document();
        converter.write(document, bson);
        return bson;
    }

    @Test
    void a_case_is_stored_with_the_same_fields_as_before() {
        // As the store reads it back at version 4: what the next save writes.
        var read = write(ComplaintDocument.of(everythingSet()));
        read.put("version", 4L);
        var stored = write(ComplaintDocument.of(
                converter.read(ComplaintDocument.class, read).toComplaint()));
        stored.remove("outbox");
        // added for the case search (issue 17): the phones as E.164 keys and their last four digits;
        // a case stored before them (STORED) still reads, it is found by phone once saved again
        assertThat(stored.getList("phoneKeys", String.class)).containsExactly("+8613812345678", "+862112345678");
        assertThat(stored.getList("phoneLast4", String.class)).containsExactly("5678");
        stored.remove("phoneKeys");
        stored.remove("phoneLast4");

        // Compared as documents: field order does not matter to a read.
        assertThat(Document.parse(stored.toJson())).isEqualTo(Document.parse(STORED));
    }

    @Test
    void a_stored_case_reads_back_with_its_pending_events_and_the_events_it_handled() {
        var complaint = everythingSet();
        var back = converter
                .read(ComplaintDocument.class, write(ComplaintDocument.of(complaint)))
                .toComplaint();

        var written = write(ComplaintDocument.of(complaint));
        var again = write(ComplaintDocument.of(back));
        // Each Outbox.of serialises the events raised since the last read anew (a new trace context each
        // time): the pending events are compared by id below.
        written.remove("outbox");
        again.remove("outbox");
        assertThat(again).isEqualTo(written);
        assertThat(Outbox.of(back.events()).pending())
                .extracting(OutboxEvent::eventId)
                .isEqualTo(Outbox.of(complaint.events()).pending().stream()
                        .map(OutboxEvent::eventId)
                        .toList());
        assertThat(back.events().firstDelivery("ce-assigned")).isFalse();
        assertThat(back.events().firstDelivery("ce-dissatisfied")).isFalse();
        assertThat(back.events().firstDelivery("ce-new")).isTrue();
    }
}
