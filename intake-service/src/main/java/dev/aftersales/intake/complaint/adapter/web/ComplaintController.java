package dev.aftersales.intake.complaint.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.intake.complaint.application.RegisterComplaint;
import dev.aftersales.intake.complaint.application.RegisterComplaintCommand;
import dev.aftersales.intake.complaint.application.ShowCase;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The hotline's door: register a call, look a case up. */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

    private final RegisterComplaint registerComplaint;
    private final ShowCase showCase;
    private final CurrentUser currentUser;

    ComplaintController(RegisterComplaint registerComplaint, ShowCase showCase, CurrentUser currentUser) {
        this.registerComplaint = registerComplaint;
        this.showCase = showCase;
        this.currentUser = currentUser;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    ResponseEntity<CaseViews.Registered> register(@Valid @RequestBody RegisterComplaintRequest request) {
        var complaint =
                registerComplaint.register(new RegisterComplaintCommand(request.toForm(), currentUser.userId()));
        return ResponseEntity.created(URI.create("/api/complaints/" + complaint.id()))
                .body(CaseViews.Registered.of(complaint));
    }

    @GetMapping("/{complaintId}")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR','DISPATCHER')")
    CaseViews.Case show(@PathVariable String complaintId) {
        return CaseViews.Case.of(showCase.show(complaintId));
    }
}
