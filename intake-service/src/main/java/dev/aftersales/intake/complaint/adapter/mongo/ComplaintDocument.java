package dev.aftersales.intake.complaint.adapter.mongo;

import dev.aftersales.chassis.contact.PhoneNumber;
import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintState;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A case as stored: its state's fields at the top level of the document (unwrapped), its version
 * and outbox. {@code serialNumber}, {@code nextSlaDue}, {@code answered}, {@code status}, {@code
 * nextActionDue} and {@code overdueActions} are derived and stored only so cases can be queried by
 * them (the SLA and overdue sweeps, the supervisor's lists, the backlog gauges); reading ignores them.
 * The last two are absent (null) on a case without an agreed resolution. {@code phoneKeys} (the
 * customer's phones as E.164 keys) and {@code phoneLast4} (their last four digits) serve the case
 * search; an erased phone leaves neither.
 */
@Document("complaints")
record ComplaintDocument(
        @Id String id,
        @Unwrapped.Nullable ComplaintState complaint,
        String serialNumber,
        Instant nextSlaDue,
        boolean answered,
        ComplaintStatus status,
        Instant nextActionDue,
        Integer overdueActions,
        @Version Long version,
        Outbox outbox,
        List<String> phoneKeys,
        List<String> phoneLast4)
        implements HasOutbox {

    static ComplaintDocument of(Complaint complaint) {
        return new ComplaintDocument(
                complaint.id(),
                complaint.snapshot(),
                complaint.form().machine().serialNumber(),
                complaint.nextSlaDue(),
                !complaint.clocks().firstAnswer().running(),
                complaint.status(),
                complaint.nextActionDue(),
                complaint.overdueActions().isEmpty()
                        ? null
                        : complaint.overdueActions().size(),
                complaint.version(),
                Outbox.of(complaint.events()),
                phoneKeys(complaint),
                phoneKeys(complaint).stream()
                        .map(key -> key.substring(key.length() - 4))
                        .distinct()
                        .toList());
    }

    private static List<String> phoneKeys(Complaint complaint) {
        return complaint.form().customer().phones().stream()
                .map(PhoneNumber::key)
                .flatMap(java.util.Optional::stream)
                .distinct()
                .toList();
    }

    Complaint toComplaint() {
        return Complaint.restore(id, complaint, version, Outbox.eventsOf(outbox));
    }
}
