package dev.aftersales.dispatch.assignment.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.dispatch.assignment.application.DispatchByHand;
import dev.aftersales.dispatch.assignment.application.ListAssignments;
import dev.aftersales.dispatch.assignment.application.ShowAssignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
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

    DispatcherAssignmentsController(
            ShowAssignment showAssignment,
            ListAssignments listAssignments,
            DispatchByHand dispatchByHand,
            CurrentUser currentUser) {
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

    @GetMapping
    List<DispatcherAssignmentView> list(@RequestParam AssignmentStatus status) {
        return listAssignments.withStatus(status).stream()
                .map(DispatcherAssignmentView::of)
                .toList();
    }
}
