package dev.aftersales.intake.complaint.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintState;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A case as stored: its state's fields at the top level of the document (unwrapped), its version
 * and outbox. {@code serialNumber}, {@code nextSlaDue}, {@code answered} and {@code status} are
 * derived and stored only so cases can be queried by them (the SLA sweep, the supervisor's list,
 * the backlog gauges); reading ignores them.
 */
@Document("complaints")
record ComplaintDocument(
        @Id String id,
        @Unwrapped.Nullable ComplaintState complaint,
        String serialNumber,
        Instant nextSlaDue,
        boolean answered,
        ComplaintStatus status,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    static ComplaintDocument of(Complaint complaint) {
        return new ComplaintDocument(
                complaint.id(),
                complaint.snapshot(),
                complaint.form().machine().serialNumber(),
                complaint.nextSlaDue(),
                !complaint.clocks().firstAnswer().running(),
                complaint.status(),
                complaint.version(),
                Outbox.of(complaint.events()));
    }

    Complaint toComplaint() {
        return Complaint.restore(id, complaint, version, Outbox.eventsOf(outbox));
    }
}
