package dev.aftersales.dispatch.assignment.adapter.web;

import dev.aftersales.chassis.paging.CsvExport;
import dev.aftersales.chassis.paging.Page;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.chassis.paging.Paging;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.dispatch.assignment.application.DispatchByHand;
import dev.aftersales.dispatch.assignment.application.ListAssignments;
import dev.aftersales.dispatch.assignment.application.ShowAssignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dispatcher's view of every assignment, and the list of those waiting for them (ESCALATED);
 * and the dispatcher's hands: give a case to a chosen technician, hand it to a service point, or run
 * the rule chain again.
 */
@RestController
@RequestMapping("/api/assignments")
@PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR')")
class DispatcherAssignmentsController {

    record ManualAssignmentBody(
            @NotBlank @Size(max = 64) String technicianId,
            @Size(max = 500) String note) {}

    record ServicePointHandoverBody(
            @NotBlank @Size(max = 64) String servicePointId,
            @Size(max = 500) String note) {}

    private final ShowAssignment showAssignment;
    private final ListAssignments listAssignments;
    private final DispatchByHand dispatchByHand;
    private final CurrentUser currentUser;
    private final Paging paging;
    private final CsvExport csvExport;

    static final String LIST = "assignments";

    DispatcherAssignmentsController(
            ShowAssignment showAssignment,
            ListAssignments listAssignments,
            DispatchByHand dispatchByHand,
            CurrentUser currentUser,
            Paging paging,
            CsvExport csvExport) {
        this.paging = paging;
        this.csvExport = csvExport;
        this.showAssignment = showAssignment;
        this.listAssignments = listAssignments;
        this.dispatchByHand = dispatchByHand;
        this.currentUser = currentUser;
    }

    /** Gives the case to the technician the dispatcher chose (rule MANUAL); the previous holder loses it. */
    @PostMapping("/{assignmentId}/manual-assignment")
    @PreAuthorize("hasRole('DISPATCHER')")
    DispatcherAssignmentView assign(@PathVariable String assignmentId, @Valid @RequestBody ManualAssignmentBody body) {
        return DispatcherAssignmentView.of(
                dispatchByHand.assign(assignmentId, body.technicianId(), body.note(), currentUser.userId()));
    }

    /** Hands the case to a service point's least-loaded available technician. */
    @PostMapping("/{assignmentId}/service-point-handover")
    @PreAuthorize("hasRole('DISPATCHER')")
    DispatcherAssignmentView handOver(
            @PathVariable String assignmentId, @Valid @RequestBody ServicePointHandoverBody body) {
        return DispatcherAssignmentView.of(dispatchByHand.handToServicePoint(
                assignmentId, body.servicePointId(), body.note(), currentUser.userId()));
    }

    /** Runs the rule chain again (after leave ended, the archive grew...). */
    @PostMapping("/{assignmentId}/chain-rerun")
    @PreAuthorize("hasRole('DISPATCHER')")
    DispatcherAssignmentView rerun(@PathVariable String assignmentId) {
        return DispatcherAssignmentView.of(dispatchByHand.rerun(assignmentId));
    }

    @GetMapping("/{assignmentId}")
    DispatcherAssignmentView get(@PathVariable String assignmentId) {
        return DispatcherAssignmentView.of(showAssignment.show(assignmentId));
    }

    /**
     * The dispatcher's lists, oldest decision first, a page at a time: by status, technician or dealer
     * (each with a status), decided from {@code from} (inclusive) to {@code to} (exclusive).
     */
    @GetMapping
    ResponseEntity<Page<DispatcherAssignmentView>> list(
            @RequestParam(required = false) AssignmentStatus status,
            @RequestParam(required = false) @Size(max = 64) String technicianId,
            @RequestParam(required = false) @Size(max = 64) String dealerId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 1024) String cursor,
            @RequestParam(required = false) Integer limit) {
        var filter = new ListAssignments.Filter(status, blankToNull(technicianId), blankToNull(dealerId), from, to);
        var page = paging.request(LIST, Paging.filterOf(filter), currentUser.caller(), cursor, limit);
        return Paging.ok(paging.page(
                page, listAssignments.page(filter, page), AssignmentRows::position, DispatcherAssignmentView::of));
    }

    /** The dispatcher's list as CSV (UTF-8 with BOM, capped), with the same filter; audited. */
    @GetMapping("/export.csv")
    void export(
            @RequestParam(required = false) AssignmentStatus status,
            @RequestParam(required = false) @Size(max = 64) String technicianId,
            @RequestParam(required = false) @Size(max = 64) String dealerId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            HttpServletResponse response)
            throws IOException {
        var filter = new ListAssignments.Filter(status, blankToNull(technicianId), blankToNull(dealerId), from, to);
        // checked before the first byte goes out, so bad input is still a 400
        listAssignments.page(filter, PageRequest.first(1));
        csvExport.write(
                response,
                currentUser.caller(),
                CsvExport.givenFilter(Paging.filterOf(filter)),
                CsvExport.Sheet.ofViews(
                        LIST,
                        COLUMNS,
                        page -> listAssignments.page(filter, page),
                        AssignmentRows::position,
                        DispatcherAssignmentView::of));
    }

    /** The export's columns: the list's fields a spreadsheet shows, read off the JSON view. */
    private static final List<CsvExport.Column<DispatcherAssignmentView>> COLUMNS = List.of(
            new CsvExport.Column<>("assignmentId", DispatcherAssignmentView::assignmentId),
            new CsvExport.Column<>("complaintId", DispatcherAssignmentView::complaintId),
            new CsvExport.Column<>("status", DispatcherAssignmentView::status),
            new CsvExport.Column<>("rule", DispatcherAssignmentView::rule),
            new CsvExport.Column<>("technicianId", DispatcherAssignmentView::technicianId),
            new CsvExport.Column<>("dealerId", DispatcherAssignmentView::dealerId),
            new CsvExport.Column<>("serialNumber", DispatcherAssignmentView::serialNumber),
            new CsvExport.Column<>("kind", DispatcherAssignmentView::kind),
            new CsvExport.Column<>("decidedAt", DispatcherAssignmentView::decidedAt),
            new CsvExport.Column<>("symptoms", DispatcherAssignmentView::symptoms));

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
