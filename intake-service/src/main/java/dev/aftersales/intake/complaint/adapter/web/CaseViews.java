package dev.aftersales.intake.complaint.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import dev.aftersales.intake.complaint.domain.Milestone;
import dev.aftersales.intake.complaint.domain.Priority;
import dev.aftersales.intake.complaint.domain.SlaDeadlines;
import dev.aftersales.intake.complaint.domain.TimelineEntry;
import java.time.Instant;
import java.util.List;

/** The JSON answers of the complaint endpoints (docs/foundation-api.md); fields are only ever added. */
final class CaseViews {

    private CaseViews() {}

    record Sla(Instant firstAnswerDue, Instant onSiteDue, Instant resolutionDue) {
        static Sla of(SlaDeadlines sla) {
            return new Sla(sla.firstAnswerDue(), sla.onSiteDue(), sla.resolutionDue());
        }
    }

    /** The answer to a registration: what the agent reads back to the caller. */
    record Registered(String complaintId, ComplaintStatus status, Priority priority, Sla sla) {
        static Registered of(Complaint complaint) {
            return new Registered(complaint.id(), complaint.status(), complaint.priority(), Sla.of(complaint.sla()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(Instant at, Milestone what, String detail, String technicianId) {
        static Entry of(TimelineEntry entry) {
            return new Entry(entry.at(), entry.what(), entry.detail(), entry.technicianId());
        }
    }

    /** The case view: status, deadlines and the timeline of every stream, oldest first. */
    record Case(
            String complaintId,
            ComplaintStatus status,
            ComplaintKind kind,
            Channel channel,
            String serialNumber,
            Instant registeredAt,
            String takenBy,
            Sla sla,
            List<Entry> timeline) {
        static Case of(Complaint complaint) {
            var form = complaint.form();
            return new Case(
                    complaint.id(),
                    complaint.status(),
                    form.kind(),
                    form.channel(),
                    form.machine().serialNumber(),
                    complaint.registeredAt(),
                    complaint.takenBy(),
                    Sla.of(complaint.sla()),
                    complaint.timeline().stream().map(Entry::of).toList());
        }
    }
}
