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
            Instant completedAt) {}

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
        var visit = a.visit();
        return new AssignmentDocument(
                a.id(),
                a.complaintId(),
                a.serialNumber(),
                a.kind(),
                a.symptoms(),
                a.contact(),
                a.onSiteDue(),
                a.site(),
                a.status(),
                a.rule(),
                a.reason(),
                a.technicianId(),
                a.dealerId(),
                a.decidedAt(),
                a.acceptedAt(),
                a.offerExpiresAt(),
                a.passedOver(),
                a.appointment(),
                a.appointmentDueAt(),
                a.arrivedAt(),
                StoredQuote.of(a.quote()),
                StoredConsent.of(a.consent()),
                a.repeatVisit(),
                a.parts(),
                visit == null
                        ? null
                        : new StoredVisit(
                                visit.diagnosis(),
                                visit.rootCause(),
                                visit.partsUsed(),
                                visit.feeCharged() == null
                                        ? null
                                        : visit.feeCharged().toPlainString(),
                                visit.fixed(),
                                visit.completedAt()),
                a.version(),
                a.outbox());
    }

    Assignment toAssignment() {
        return Assignment.restore(
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
                Boolean.TRUE.equals(repeatVisit),
                parts,
                visit == null
                        ? null
                        : new Visit(
                                visit.diagnosis(),
                                visit.rootCause(),
                                visit.partsUsed(),
                                visit.feeCharged() == null ? null : new BigDecimal(visit.feeCharged()),
                                visit.fixed(),
                                visit.completedAt()),
                version,
                outbox);
    }
}
