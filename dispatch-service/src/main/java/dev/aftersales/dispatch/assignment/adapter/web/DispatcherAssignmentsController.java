package dev.aftersales.dispatch.assignment.adapter.web;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.Assignments;
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

    private final Assignments assignments;

    DispatcherAssignmentsController(Assignments assignments) {
        this.assignments = assignments;
    }

    @GetMapping("/{assignmentId}")
    DispatcherAssignmentView get(@PathVariable String assignmentId) {
        return assignments
                .byId(assignmentId)
                .map(DispatcherAssignmentView::of)
                .orElseThrow(() -> new NotFoundException("no assignment " + assignmentId));
    }

    /** Oldest first: the case waiting longest is the most urgent. */
    @GetMapping
    List<DispatcherAssignmentView> list(@RequestParam AssignmentStatus status) {
        return assignments.withStatus(status).stream()
                .map(DispatcherAssignmentView::of)
                .toList();
    }
}
