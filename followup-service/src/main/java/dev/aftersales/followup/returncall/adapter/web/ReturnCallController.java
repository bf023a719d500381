package dev.aftersales.followup.returncall.adapter.web;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.audit.PersonalDataRead;
import dev.aftersales.chassis.paging.CsvExport;
import dev.aftersales.chassis.paging.Page;
import dev.aftersales.chassis.paging.Paging;
import dev.aftersales.chassis.paging.Position;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.followup.casefile.domain.CaseFile;
import dev.aftersales.followup.casefile.domain.CaseStep;
import dev.aftersales.followup.returncall.application.ListReturnCalls;
import dev.aftersales.followup.returncall.application.RecordCallAttempt;
import dev.aftersales.followup.returncall.application.RecordCallAttemptCommand;
import dev.aftersales.followup.returncall.application.ReturnCallWithCase;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCallStatus;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
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
            List<CaseStep> history,
            String agentId) {

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
                    file.map(CaseFile::steps).orElse(List.of()),
                    call.agentId());
        }
    }

    /** @param callLaterAt for CALL_LATER: when the customer wants the call */
    record AttemptRequest(@NotNull CallOutcome outcome, Instant callLaterAt) {}

    static final String DUE = "return-calls.due";
    static final Duration MAX_WITHIN = Duration.ofDays(366);
    static final String UNREACHABLE = "return-calls.unreachable";

    static final List<String> COLUMNS = List.of(
            "returnCallId",
            "complaintId",
            "reason",
            "dueAt",
            "status",
            "attempts",
            "lastOutcome",
            "agentId",
            "serialNumber",
            "model",
            "batchNumber",
            "customerId",
            "technicianId",
            "dealerId",
            "round");

    private final ListReturnCalls listReturnCalls;
    private final RecordCallAttempt recordAttempt;
    private final CurrentUser currentUser;
    private final Paging paging;
    private final CsvExport csvExport;
    private final Clock clock;

    ReturnCallController(
            ListReturnCalls listReturnCalls,
            RecordCallAttempt recordAttempt,
            CurrentUser currentUser,
            Paging paging,
            CsvExport csvExport,
            Clock clock) {
        this.listReturnCalls = listReturnCalls;
        this.recordAttempt = recordAttempt;
        this.currentUser = currentUser;
        this.paging = paging;
        this.csvExport = csvExport;
        this.clock = clock;
    }

    /**
     * The agents' work list, the earliest scheduled first, a page at a time: open calls due by now plus
     * {@code within} (default {@code PT0S}), or due from {@code from} (inclusive) to {@code to}
     * (exclusive). An agent sees the calls they hold and those nobody has tried yet (ListReturnCalls).
     *
     * @param within an ISO-8601 duration ({@code PT0S}, {@code PT2H}): also list calls due that soon
     */
    @PersonalDataRead(DUE)
    @GetMapping("/due")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    ResponseEntity<Page<DueReturnCall>> due(
            @RequestParam(required = false) @Size(max = 64) String within,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 64) String agent,
            @RequestParam(required = false) @Size(max = 1024) String cursor,
            @RequestParam(required = false) Integer limit) {
        var caller = currentUser.caller();
        var filter = dueFilter(within, from, to, agent, caller);
        var page = paging.request(DUE, binding(filter, within, from, to), caller, cursor, limit);
        return Paging.ok(paging.page(
                page, listReturnCalls.page(filter, page), ReturnCallController::position, DueReturnCall::of));
    }

    /** The agents' work list as CSV (UTF-8 with BOM, capped), scoped like the list; audited. */
    @GetMapping("/due/export.csv")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    void dueExport(
            @RequestParam(required = false) @Size(max = 64) String within,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 64) String agent,
            HttpServletResponse response)
            throws IOException {
        var caller = currentUser.caller();
        export(response, caller, DUE, dueFilter(within, from, to, agent, caller));
    }

    /** The supervisors' list of customers the retry policy could not reach, the earliest scheduled first. */
    @PersonalDataRead(UNREACHABLE)
    @GetMapping("/unreachable")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Page<DueReturnCall>> unreachable(
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 64) String agent,
            @RequestParam(required = false) @Size(max = 1024) String cursor,
            @RequestParam(required = false) Integer limit) {
        var caller = currentUser.caller();
        var filter = listReturnCalls.scoped(ReturnCallStatus.UNREACHABLE, from, to, blankToNull(agent), caller);
        var page = paging.request(UNREACHABLE, binding(filter, null, from, to), caller, cursor, limit);
        return Paging.ok(paging.page(
                page, listReturnCalls.page(filter, page), ReturnCallController::position, DueReturnCall::of));
    }

    /** The supervisors' list as CSV (UTF-8 with BOM, capped); audited. */
    @GetMapping("/unreachable/export.csv")
    @PreAuthorize("hasRole('SUPERVISOR')")
    void unreachableExport(
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 64) String agent,
            HttpServletResponse response)
            throws IOException {
        var caller = currentUser.caller();
        export(
                response,
                caller,
                UNREACHABLE,
                listReturnCalls.scoped(ReturnCallStatus.UNREACHABLE, from, to, blankToNull(agent), caller));
    }

    @PostMapping("/{returnCallId}/attempts")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    DueReturnCall attempt(@PathVariable String returnCallId, @Valid @RequestBody AttemptRequest request) {
        return DueReturnCall.of(recordAttempt.record(new RecordCallAttemptCommand(
                returnCallId, request.outcome(), request.callLaterAt(), currentUser.userId())));
    }

    /**
     * Due by now plus {@code within} unless the period is given. The deadline is inclusive: the store
     * keeps milliseconds, so "before one millisecond later" is "by the deadline".
     */
    private ListReturnCalls.Filter dueFilter(String within, Instant from, Instant to, String agent, Caller caller) {
        if (to != null && within != null && !within.isBlank()) {
            throw new InvalidRequestException("within", "give within or to, not both");
        }
        var before = to != null
                ? to
                : clock.instant()
                        .plus(parse(within == null || within.isBlank() ? "PT0S" : within))
                        .plusMillis(1);
        return listReturnCalls.scoped(ReturnCallStatus.DUE, from, before, blankToNull(agent), caller);
    }

    /**
     * What a page's cursor is sealed to: the door's parameters as given, not the deadline they make, which
     * moves with the clock between two pages; and the filter as scoped to the caller.
     */
    private static Map<String, Object> binding(ListReturnCalls.Filter filter, String within, Instant from, Instant to) {
        var binding = new LinkedHashMap<String, Object>(filter.asMap());
        binding.put("within", within);
        binding.put("from", from);
        binding.put("to", to);
        return binding;
    }

    private void export(HttpServletResponse response, Caller caller, String list, ListReturnCalls.Filter filter)
            throws IOException {
        csvExport.write(
                response,
                caller,
                filter.audited(),
                new CsvExport.Sheet<>(
                        list,
                        COLUMNS,
                        page -> listReturnCalls.page(filter, page),
                        ReturnCallController::position,
                        ReturnCallController::cells));
    }

    /** Where a call stands in the lists' order: when it was scheduled, which no try changes; then its id. */
    private static Position position(ReturnCallWithCase callWithCase) {
        return new Position(
                callWithCase.call().scheduledAt(), callWithCase.call().id());
    }

    private static List<?> cells(ReturnCallWithCase callWithCase) {
        var row = DueReturnCall.of(callWithCase);
        return Arrays.asList(
                row.returnCallId(),
                row.complaintId(),
                row.reason(),
                row.dueAt(),
                row.status(),
                row.attempts(),
                row.lastOutcome(),
                row.agentId(),
                row.serialNumber(),
                row.model(),
                row.batchNumber(),
                row.customerId(),
                row.technicianId(),
                row.dealerId(),
                row.round());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** At most a year either way: a look-ahead, not an instant overflowing the calendar. */
    private static Duration parse(String within) {
        Duration duration;
        try {
            duration = Duration.parse(within);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("within", "must be an ISO-8601 duration such as PT0S or PT2H");
        }
        if (duration.abs().compareTo(MAX_WITHIN) > 0) {
            throw new InvalidRequestException("within", "must be at most " + MAX_WITHIN.toDays() + " days either way");
        }
        return duration;
    }
}
