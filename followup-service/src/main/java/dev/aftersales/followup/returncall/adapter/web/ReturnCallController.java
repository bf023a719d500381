package dev.aftersales.followup.returncall.adapter.web;

import dev.aftersales.chassis.web.InvalidRequestException;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.followup.returncall.application.ListDueReturnCalls;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCallStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Return-call agents' door: which customers to phone now. */
@RestController
@RequestMapping("/api/return-calls")
class ReturnCallController {

    record DueReturnCall(
            String returnCallId, String complaintId, ReturnCallReason reason, Instant dueAt, ReturnCallStatus status) {

        static DueReturnCall of(ReturnCall call) {
            return new DueReturnCall(call.id(), call.complaintId(), call.reason(), call.dueAt(), call.status());
        }
    }

    private final ListDueReturnCalls listDue;

    ReturnCallController(ListDueReturnCalls listDue) {
        this.listDue = listDue;
    }

    /** @param within an ISO-8601 duration ({@code PT0S}, {@code PT2H}): also list calls due that soon */
    @GetMapping("/due")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    List<DueReturnCall> due(@RequestParam(defaultValue = "PT0S") String within) {
        return listDue.dueWithin(parse(within)).stream().map(DueReturnCall::of).toList();
    }

    private static Duration parse(String within) {
        try {
            return Duration.parse(within);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("within", "must be an ISO-8601 duration such as PT0S or PT2H");
        }
    }
}
