package dev.aftersales.dispatch.assignment.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.dispatch.assignment.application.CompleteVisit;
import dev.aftersales.dispatch.assignment.application.CompleteVisitCommand;
import dev.aftersales.dispatch.assignment.application.OwnAssignments;
import dev.aftersales.dispatch.assignment.application.RequestParts;
import dev.aftersales.dispatch.assignment.application.RequestPartsCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The technicians' app: their own assignments only, identified by the token's {@code technician_id}. */
@RestController
@RequestMapping("/api/technician/assignments")
@PreAuthorize("hasRole('TECHNICIAN')")
class TechnicianAssignmentsController {

    record PartsRequestBody(
            @NotBlank String partNumber, @NotNull @Positive Integer quantity) {}

    record PartsRequestAccepted(String requestId) {}

    record CompletionBody(
            String diagnosis,
            String rootCause,
            List<@NotNull @Valid PartLine> partsUsed,
            @PositiveOrZero BigDecimal feeCharged,
            @NotNull Boolean fixed) {}

    private final OwnAssignments own;
    private final RequestParts requestParts;
    private final CompleteVisit completeVisit;
    private final CurrentUser currentUser;

    TechnicianAssignmentsController(
            OwnAssignments own, RequestParts requestParts, CompleteVisit completeVisit, CurrentUser currentUser) {
        this.own = own;
        this.requestParts = requestParts;
        this.completeVisit = completeVisit;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<TechnicianAssignmentView> list() {
        return own.list(currentUser.technicianId()).stream()
                .map(TechnicianAssignmentView::of)
                .toList();
    }

    @GetMapping("/{assignmentId}")
    TechnicianAssignmentView get(@PathVariable String assignmentId) {
        return TechnicianAssignmentView.of(own.get(currentUser.technicianId(), assignmentId));
    }

    @PostMapping("/{assignmentId}/parts-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    PartsRequestAccepted requestParts(@PathVariable String assignmentId, @Valid @RequestBody PartsRequestBody body) {
        var requestId = requestParts.request(
                new RequestPartsCommand(currentUser.technicianId(), assignmentId, body.partNumber(), body.quantity()));
        return new PartsRequestAccepted(requestId);
    }

    @PostMapping("/{assignmentId}/completion")
    TechnicianAssignmentView complete(@PathVariable String assignmentId, @Valid @RequestBody CompletionBody body) {
        var completed = completeVisit.complete(new CompleteVisitCommand(
                currentUser.technicianId(),
                assignmentId,
                body.diagnosis(),
                body.rootCause(),
                body.partsUsed() == null ? List.of() : body.partsUsed(),
                body.feeCharged(),
                body.fixed()));
        return TechnicianAssignmentView.of(completed);
    }
}
