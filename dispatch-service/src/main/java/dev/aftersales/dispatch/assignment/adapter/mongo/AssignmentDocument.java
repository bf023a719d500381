package dev.aftersales.dispatch.assignment.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.assignment.domain.Appointment;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentState;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.FeeConsent;
import dev.aftersales.dispatch.assignment.domain.FeeQuote;
import dev.aftersales.dispatch.assignment.domain.PartRequest;
import dev.aftersales.dispatch.assignment.domain.Visit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** An assignment as stored: its state, its pending events and the ids of events it handled, in one document. */
@Document("assignments")
record AssignmentDocument(
        @Id String id,
        String complaintId,
        String serialNumber,
        ComplaintKind kind,
        String symptoms,
        CaseContact contact,
        Instant onSiteDue,
        Site site,
        AssignmentStatus status,
        AssignmentRule rule,
        String reason,
        String technicianId,
        String dealerId,
        Instant decidedAt,
        Instant acceptedAt,
        Instant offerExpiresAt,
        List<String> passedOver,
        Appointment appointment,
        Instant appointmentDueAt,
        Instant arrivedAt,
        StoredQuote quote,
        StoredConsent consent,
        Boolean repeatVisit,
        List<PartRequest> parts,
        StoredVisit visit,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    /** The fee is kept as a decimal string: exact, and independent of the store's decimal support. */
    record StoredVisit(
            String diagnosis,
            String rootCause,
            List<PartLine> partsUsed,
            String feeCharged,
            boolean fixed,
            Instant completedAt) {

        static StoredVisit of(Visit v) {
            return v == null
                    ? null
                    : new StoredVisit(
                            v.diagnosis(),
                            v.rootCause(),
                            v.partsUsed(),
                            v.feeCharged() == null ? null : v.feeCharged().toPlainString(),
                            v.fixed(),
                            v.completedAt());
        }

        Visit toVisit() {
            return new Visit(
                    diagnosis,
                    rootCause,
                    partsUsed,
                    feeCharged == null ? null : new BigDecimal(feeCharged),
                    fixed,
                    completedAt);
        }
    }

    record StoredQuote(
            boolean inWarranty, String doorFee, String labour, String parts, String total, Instant quotedAt) {

        static StoredQuote of(FeeQuote q) {
            return q == null
                    ? null
                    : new StoredQuote(
                            q.inWarranty(),
                            q.doorFee().toPlainString(),
                            q.labour().toPlainString(),
                            q.parts().toPlainString(),
                            q.total().toPlainString(),
                            q.quotedAt());
        }

        FeeQuote toQuote() {
            return new FeeQuote(
                    inWarranty,
                    new BigDecimal(doorFee),
                    new BigDecimal(labour),
                    new BigDecimal(parts),
                    new BigDecimal(total),
                    quotedAt);
        }
    }

    record StoredConsent(String amount, String method, String reference, Instant recordedAt) {

        static StoredConsent of(FeeConsent c) {
            return c == null
                    ? null
                    : new StoredConsent(c.amount().toPlainString(), c.method(), c.reference(), c.recordedAt());
        }

        FeeConsent toConsent() {
            return new FeeConsent(new BigDecimal(amount), method, reference, recordedAt);
        }
    }

    static AssignmentDocument of(Assignment a) {
        var s = a.snapshot();
        return new AssignmentDocument(
                s.id(),
                s.complaintId(),
                s.serialNumber(),
                s.kind(),
                s.symptoms(),
                s.contact(),
                s.onSiteDue(),
                s.site(),
                s.status(),
                s.rule(),
                s.reason(),
                s.technicianId(),
                s.dealerId(),
                s.decidedAt(),
                s.acceptedAt(),
                s.offerExpiresAt(),
                s.passedOver(),
                s.appointment(),
                s.appointmentDueAt(),
                s.arrivedAt(),
                StoredQuote.of(s.quote()),
                StoredConsent.of(s.consent()),
                s.repeatVisit(),
                s.parts(),
                StoredVisit.of(s.visit()),
                a.version(),
                Outbox.of(a.events()));
    }

    Assignment toAssignment() {
        var state = new AssignmentState(
                id,
                complaintId,
                serialNumber,
                kind,
                symptoms,
                contact,
                onSiteDue,
                site,
                status,
                rule,
                reason,
                technicianId,
                dealerId,
                decidedAt,
                acceptedAt,
                offerExpiresAt,
                passedOver,
                appointment,
                appointmentDueAt,
                arrivedAt,
                quote == null ? null : quote.toQuote(),
                consent == null ? null : consent.toConsent(),
                Boolean.TRUE.equals(repeatVisit), // absent in documents written before repeat visits were marked
                parts,
                visit == null ? null : visit.toVisit());
        return Assignment.restore(state, version, Outbox.eventsOf(outbox));
    }
}
