package dev.aftersales.followup.returncall.adapter.web;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.audit.PersonalDataRead;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.followup.casefile.domain.CaseFile;
import dev.aftersales.followup.casefile.domain.CaseStep;
import dev.aftersales.followup.returncall.application.ListDueReturnCalls;
import dev.aftersales.followup.returncall.application.ListUnreachableCustomers;
import dev.aftersales.followup.returncall.application.RecordCallAttempt;
import dev.aftersales.followup.returncall.application.RecordCallAttemptCommand;
import dev.aftersales.followup.returncall.application.ReturnCallWithCase;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCallStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Return-call agents' door: which customers to phone now, what happened on their case, and how the call went. */
@RestController
@RequestMapping("/api/return-calls")
class ReturnCallController {

    /** A call on the list, with its case: machine, who served it, the satisfaction round and what happened. */
    record DueReturnCall(
            String returnCallId,
            String complaintId,
            ReturnCallReason reason,
            Instant dueAt,
            ReturnCallStatus status,
            int attempts,
            CallOutcome lastOutcome,
            String serialNumber,
            String model,
            String batchNumber,
            String customerId,
            String technicianId,
            String dealerId,
            Integer round,
            List<CaseStep> history) {

        static DueReturnCall of(ReturnCallWithCase callWithCase) {
            var call = callWithCase.call();
            var file = callWithCase.caseFile();
            return new DueReturnCall(
                    call.id(),
                    call.complaintId(),
                    call.reason(),
                    call.dueAt(),
                    call.status(),
                    call.attempts(),
                    call.lastOutcome(),
                    // A thank-you call has no case file: its case reference names the machine.
                    file.map(CaseFile::serialNumber).orElse(ReturnCall.machineOfInstallationCase(call.complaintId())),
                    file.map(CaseFile::model).orElse(null),
                    file.map(CaseFile::batchNumber).orElse(null),
                    file.map(CaseFile::customerId).orElse(null),
                    file.map(CaseFile::technicianId).orElse(null),
                    file.map(CaseFile::dealerId).orElse(null),
                    file.map(CaseFile::round).orElse(null),
                    file.map(CaseFile::steps).orElse(List.of()));
        }
    }

    /** @param callLaterAt for CALL_LATER: when the customer wants the call */
    record AttemptRequest(@NotNull CallOutcome outcome, Instant callLaterAt) {}

    private final ListDueReturnCalls listDue;
    private final ListUnreachableCustomers listUnreachable;
    private final RecordCallAttempt recordAttempt;
    private final CurrentUser currentUser;

    ReturnCallController(
            ListDueReturnCalls listDue,
            ListUnreachableCustomers listUnreachable,
            RecordCallAttempt recordAttempt,
            CurrentUser currentUser) {
        this.listDue = listDue;
        this.listUnreachable = listUnreachable;
        this.recordAttempt = recordAttempt;
        this.currentUser = currentUser;
    }

    /** @param within an ISO-8601 duration ({@code PT0S}, {@code PT2H}): also list calls due that soon */
    @PersonalDataRead("return-calls.due")
    @GetMapping("/due")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    List<DueReturnCall> due(@RequestParam(defaultValue = "PT0S") String within) {
        return listDue.dueWithin(parse(within)).stream().map(DueReturnCall::of).toList();
    }

    /** The supervisors' list of customers the retry policy could not reach. */
    @PersonalDataRead("return-calls.unreachable")
    @GetMapping("/unreachable")
    @PreAuthorize("hasRole('SUPERVISOR')")
    List<DueReturnCall> unreachable() {
        return listUnreachable.list().stream().map(DueReturnCall::of).toList();
    }

    @PostMapping("/{returnCallId}/attempts")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    DueReturnCall attempt(@PathVariable String returnCallId, @Valid @RequestBody AttemptRequest request) {
        return DueReturnCall.of(recordAttempt.record(new RecordCallAttemptCommand(
                returnCallId, request.outcome(), request.callLaterAt(), currentUser.userId())));
    }

    private static Duration parse(String within) {
        try {
            return Duration.parse(within);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("within", "must be an ISO-8601 duration such as PT0S or PT2H");
        }
    }
}
