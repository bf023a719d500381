package dev.aftersales.dispatch.assignment.adapter.web;

import dev.aftersales.dispatch.assignment.application.ListAssignments;
import dev.aftersales.dispatch.assignment.application.ShowAssignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dispatcher's view of every assignment, and the list of those waiting for them (ESCALATED). */
@RestController
@RequestMapping("/api/assignments")
@PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR')")
class DispatcherAssignmentsController {

    private final ShowAssignment showAssignment;
    private final ListAssignments listAssignments;

    DispatcherAssignmentsController(ShowAssignment showAssignment, ListAssignments listAssignments) {
        this.showAssignment = showAssignment;
        this.listAssignments = listAssignments;
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
