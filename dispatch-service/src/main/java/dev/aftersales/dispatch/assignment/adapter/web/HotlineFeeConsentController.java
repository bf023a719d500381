package dev.aftersales.dispatch.assignment.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.dispatch.assignment.application.RecordConsentByCall;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hotline's door for a customer who cannot receive a consent code by text: after calling them, an
 * agent (or supervisor) records that they agreed to pay up to {@code amount}. Agents take any case's
 * calls, so any assignment is theirs to record on.
 */
@RestController
@PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
class HotlineFeeConsentController {

    /** {@code note}: what was said on the call, for whoever checks the consent later. */
    record ConsentByCallBody(
            @NotNull @Positive @Digits(integer = 9, fraction = 2)
            BigDecimal amount,

            @NotBlank @Size(max = 500) String note) {}

    private final RecordConsentByCall recordConsentByCall;
    private final CurrentUser currentUser;

    HotlineFeeConsentController(RecordConsentByCall recordConsentByCall, CurrentUser currentUser) {
        this.recordConsentByCall = recordConsentByCall;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/assignments/{assignmentId}/fee-consent")
    DispatcherAssignmentView recordConsentByCall(
            @PathVariable String assignmentId, @Valid @RequestBody ConsentByCallBody body) {
        return DispatcherAssignmentView.of(
                recordConsentByCall.record(currentUser.userId(), assignmentId, body.amount(), body.note()));
    }
}
