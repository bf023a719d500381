package dev.aftersales.intake.complaint.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aftersales.contracts.intake.CaseSubject;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.InstallationRequest;
import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.contracts.intake.ResolutionKind;
import dev.aftersales.intake.complaint.application.CallTaken;
import dev.aftersales.intake.complaint.application.ListOverdueActions;
import dev.aftersales.intake.complaint.application.ShowCase;
import dev.aftersales.intake.complaint.domain.ActionProgress;
import dev.aftersales.intake.complaint.domain.CallRecord;
import dev.aftersales.intake.complaint.domain.Cancellation;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintForm;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import dev.aftersales.intake.complaint.domain.Customer;
import dev.aftersales.intake.complaint.domain.Goodwill;
import dev.aftersales.intake.complaint.domain.Machine;
import dev.aftersales.intake.complaint.domain.Milestone;
import dev.aftersales.intake.complaint.domain.Priority;
import dev.aftersales.intake.complaint.domain.Resolution;
import dev.aftersales.intake.complaint.domain.SlaClockState;
import dev.aftersales.intake.complaint.domain.SlaDeadlines;
import dev.aftersales.intake.complaint.domain.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON answers of the complaint endpoints (docs/foundation-api.md); fields are only ever added. */
final class CaseViews {

    private CaseViews() {}

    record Sla(Instant firstAnswerDue, Instant onSiteDue, Instant resolutionDue) {
        static Sla of(SlaDeadlines sla) {
            return new Sla(sla.firstAnswerDue(), sla.onSiteDue(), sla.resolutionDue());
        }
    }

    /**
     * The answer to a call: what the agent reads back to the caller.
     *
     * @param newCase false when the call was logged on the machine's open case
     * @param callCount calls on the case so far, this one included
     */
    record Registered(
            String complaintId, ComplaintStatus status, Priority priority, Sla sla, boolean newCase, int callCount) {
        static Registered of(CallTaken taken) {
            return new Registered(
                    taken.complaintId(),
                    taken.status(),
                    taken.priority(),
                    Sla.of(taken.sla()),
                    taken.newCase(),
                    taken.callCount());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(Instant at, Milestone what, String detail, String technicianId, String by) {
        static Entry of(TimelineEntry entry) {
            return new Entry(entry.at(), entry.what(), entry.detail(), entry.technicianId(), entry.by());
        }
    }

    /** One SLA clock: {@code state} RUNNING, MET, BREACHED or STOPPED (does not apply). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Clock(Instant dueAt, String state, Instant metAt, Instant breachedAt) {
        static Clock of(Instant dueAt, SlaClockState s) {
            var state = s.breachedAt() != null
                    ? "BREACHED"
                    : s.metAt() != null ? "MET" : s.stoppedAt() != null ? "STOPPED" : "RUNNING";
            return new Clock(dueAt, state, s.metAt(), s.breachedAt());
        }
    }

    record Clocks(Clock firstAnswer, Clock onSite, Clock resolution) {
        static Clocks of(Complaint complaint) {
            var sla = complaint.sla();
            var clocks = complaint.clocks();
            return new Clocks(
                    Clock.of(sla.firstAnswerDue(), clocks.firstAnswer()),
                    Clock.of(sla.onSiteDue(), clocks.onSite()),
                    Clock.of(sla.resolutionDue(), clocks.resolution()));
        }
    }

    /** No phone numbers here: the agent has the form; this is who took which call. */
    record Call(Instant at, String takenBy, Channel channel, String note) {
        static Call of(CallRecord call) {
            return new Call(call.at(), call.takenBy(), call.channel(), call.note());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResolutionView(
            String resolutionId,
            List<ResolutionAction> actions,
            String proposedBy,
            Instant proposedAt,
            String approvedBy,
            Instant approvedAt,
            String acceptanceRecordedBy,
            Instant acceptedAt,
            int round,
            List<ActionProgress> progress,
            Instant carriedOutAt) {
        static ResolutionView of(Resolution r) {
            return r == null
                    ? null
                    : new ResolutionView(
                            r.resolutionId(),
                            r.actions(),
                            r.proposedBy(),
                            r.proposedAt(),
                            r.approvedBy(),
                            r.approvedAt(),
                            r.acceptanceRecordedBy(),
                            r.acceptedAt(),
                            r.roundProposed(),
                            r.progress() == null ? List.of() : r.progress(),
                            r.carriedOutAt());
        }
    }

    /**
     * The case view: status, deadlines and the timeline of every stream, oldest first; the form only
     * for the hotline.
     */
    record Case(
            String complaintId,
            ComplaintStatus status,
            ComplaintKind kind,
            Channel channel,
            String serialNumber,
            Instant registeredAt,
            String takenBy,
            Sla sla,
            List<Entry> timeline,
            Priority priority,
            int round,
            boolean settledByPhone,
            Clocks clocks,
            List<Call> calls,
            @JsonInclude(JsonInclude.Include.NON_NULL) ResolutionView resolution,
            @JsonInclude(JsonInclude.Include.NON_NULL) Form form,
            String handledBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) CaseSubject subject,
            List<String> relatedComplaintIds,
            @JsonInclude(JsonInclude.Include.NON_NULL) InstallationRequest installation,
            List<Goodwill> goodwill,
            @JsonInclude(JsonInclude.Include.NON_NULL) Cancellation cancellation) {
        /** Without the form when the caller may not see it ({@code ShowCase}). */
        static Case of(ShowCase.Shown shown) {
            var complaint = shown.complaint();
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
                    complaint.timeline().stream().map(Entry::of).toList(),
                    complaint.priority(),
                    complaint.round(),
                    complaint.settledByPhone(),
                    Clocks.of(complaint),
                    complaint.calls().stream().map(Call::of).toList(),
                    ResolutionView.of(complaint.resolution()),
                    shown.formVisible() ? Form.of(form) : null,
                    // docs/case-kinds.md: visits are dispatch's, the complaint procedure a supervisor's.
                    form.kind().needsVisit() ? "DISPATCH" : "SUPERVISOR",
                    complaint.subject(),
                    complaint.relatedComplaintIds(),
                    complaint.installation(),
                    complaint.goodwill(),
                    complaint.cancellation());
        }
    }

    /** The complaint form as the agent filled it: for the agent handling the case, never for logs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Form(
            Customer customer,
            Machine machine,
            LocalDate purchasedOn,
            LocalDate installedOn,
            String symptoms,
            String previousBrand,
            String recentUsage,
            String customerRequest,
            String customerId,
            String customerTier) {
        static Form of(ComplaintForm form) {
            return new Form(
                    form.customer(),
                    form.machine(),
                    form.purchasedOn(),
                    form.installedOn(),
                    form.symptoms(),
                    form.previousBrand(),
                    form.recentUsage(),
                    form.customerRequest(),
                    form.customerId(),
                    form.customerTier());
        }
    }

    /** A line of the supervisor's list of customers waiting for an answer. */
    record Waiting(
            String complaintId,
            ComplaintKind kind,
            Priority priority,
            ComplaintStatus status,
            Instant registeredAt,
            long waitingMinutes,
            int callCount,
            Instant firstAnswerDue,
            String takenBy) {
        static Waiting of(Complaint c, Instant now) {
            return new Waiting(
                    c.id(),
                    c.form().kind(),
                    c.priority(),
                    c.status(),
                    c.registeredAt(),
                    Math.max(0, Duration.between(c.registeredAt(), now).toMinutes()),
                    c.calls().size(),
                    c.sla().firstAnswerDue(),
                    c.takenBy());
        }
    }

    /**
     * A line of the case search: what the agent needs to recognise the case, without the customer's
     * name, phone or address (they open the case for those).
     */
    record Found(
            String complaintId,
            ComplaintKind kind,
            ComplaintStatus status,
            Priority priority,
            Instant registeredAt,
            String takenBy,
            String serialNumber,
            String model,
            String customerId,
            int callCount) {
        static Found of(Complaint c) {
            var form = c.form();
            return new Found(
                    c.id(),
                    form.kind(),
                    c.status(),
                    c.priority(),
                    c.registeredAt(),
                    c.takenBy(),
                    form.machine().serialNumber(),
                    form.machine().model(),
                    form.customerId(),
                    c.calls().size());
        }

        /** The export's columns: the line's, and the symptoms as the customer told them. */
        static final List<String> COLUMNS = List.of(
                "complaintId",
                "kind",
                "status",
                "priority",
                "registeredAt",
                "takenBy",
                "serialNumber",
                "model",
                "customerId",
                "callCount",
                "symptoms");

        static List<?> cells(Complaint c) {
            var f = of(c);
            return List.of(
                    f.complaintId(),
                    f.kind(),
                    f.status(),
                    f.priority(),
                    f.registeredAt(),
                    f.takenBy(),
                    f.serialNumber(),
                    nullToEmpty(f.model()),
                    nullToEmpty(f.customerId()),
                    f.callCount(),
                    nullToEmpty(c.form().symptoms()));
        }

        private static String nullToEmpty(String text) {
            return text == null ? "" : text;
        }
    }

    /** A line of the supervisor's overdue list: whose action, promised by when, on which case. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OverdueAction(
            String complaintId,
            ComplaintKind caseKind,
            Priority priority,
            String resolutionId,
            String actionId,
            ResolutionKind kind,
            String description,
            String ownerRole,
            String ownerDealerId,
            Instant promisedBy,
            Instant overdueAt) {

        /** The columns of the overdue list's CSV export, in {@link #cells} order. */
        static final List<String> COLUMNS = List.of(
                "complaintId",
                "caseKind",
                "priority",
                "resolutionId",
                "actionId",
                "kind",
                "description",
                "ownerRole",
                "ownerDealerId",
                "promisedBy",
                "overdueAt");

        List<?> cells() {
            return java.util.Arrays.asList(
                    complaintId,
                    caseKind,
                    priority,
                    resolutionId,
                    actionId,
                    kind,
                    description,
                    ownerRole,
                    ownerDealerId,
                    promisedBy,
                    overdueAt);
        }

        static OverdueAction of(ListOverdueActions.Overdue o) {
            var c = o.complaint();
            var a = o.action();
            return new OverdueAction(
                    c.id(),
                    c.form().kind(),
                    c.priority(),
                    c.resolution().resolutionId(),
                    a.actionId(),
                    a.kind(),
                    a.description(),
                    a.ownerRole(),
                    a.ownerDealerId(),
                    a.promisedBy(),
                    o.overdueAt());
        }
    }
}
