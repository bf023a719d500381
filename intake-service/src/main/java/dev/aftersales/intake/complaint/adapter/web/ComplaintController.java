package dev.aftersales.intake.complaint.adapter.web;

import dev.aftersales.chassis.paging.CsvExport;
import dev.aftersales.chassis.paging.Page;
import dev.aftersales.chassis.paging.Paging;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.intake.complaint.application.AnswerCustomer;
import dev.aftersales.intake.complaint.application.AnswerCustomerCommand;
import dev.aftersales.intake.complaint.application.ApproveResolution;
import dev.aftersales.intake.complaint.application.CancelCase;
import dev.aftersales.intake.complaint.application.CarryOutAction;
import dev.aftersales.intake.complaint.application.ListOverdueActions;
import dev.aftersales.intake.complaint.application.ListWaitingCases;
import dev.aftersales.intake.complaint.application.ProposeResolution;
import dev.aftersales.intake.complaint.application.ProposeResolutionCommand;
import dev.aftersales.intake.complaint.application.RecordGoodwill;
import dev.aftersales.intake.complaint.application.RecordResolutionAcceptance;
import dev.aftersales.intake.complaint.application.ResolveByPhone;
import dev.aftersales.intake.complaint.application.ResolveByPhoneCommand;
import dev.aftersales.intake.complaint.application.SearchCases;
import dev.aftersales.intake.complaint.application.SetPriority;
import dev.aftersales.intake.complaint.application.ShowCase;
import dev.aftersales.intake.complaint.application.TakeCall;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The hotline's door: take a call, look a case up, work it. */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

    static final String SEARCH = "complaints";
    static final String WAITING = "complaints.waiting";
    static final String OVERDUE = "complaints.overdue-actions";

    private final TakeCall takeCall;
    private final ShowCase showCase;
    private final AnswerCustomer answerCustomer;
    private final ResolveByPhone resolveByPhone;
    private final ListWaitingCases waitingCases;
    private final ProposeResolution proposeResolution;
    private final ApproveResolution approveResolution;
    private final RecordResolutionAcceptance recordAcceptance;
    private final CarryOutAction carryOut;
    private final ListOverdueActions overdueActions;
    private final RecordGoodwill recordGoodwill;
    private final CancelCase cancelCase;
    private final SetPriority setPriority;
    private final SearchCases searchCases;
    private final Paging paging;
    private final CsvExport csvExport;
    private final CurrentUser currentUser;
    private final Clock clock;

    ComplaintController(
            TakeCall takeCall,
            ShowCase showCase,
            AnswerCustomer answerCustomer,
            ResolveByPhone resolveByPhone,
            ListWaitingCases waitingCases,
            ProposeResolution proposeResolution,
            ApproveResolution approveResolution,
            RecordResolutionAcceptance recordAcceptance,
            CarryOutAction carryOut,
            ListOverdueActions overdueActions,
            RecordGoodwill recordGoodwill,
            CancelCase cancelCase,
            SetPriority setPriority,
            SearchCases searchCases,
            Paging paging,
            CsvExport csvExport,
            CurrentUser currentUser,
            Clock clock) {
        this.takeCall = takeCall;
        this.showCase = showCase;
        this.answerCustomer = answerCustomer;
        this.resolveByPhone = resolveByPhone;
        this.waitingCases = waitingCases;
        this.proposeResolution = proposeResolution;
        this.approveResolution = approveResolution;
        this.recordAcceptance = recordAcceptance;
        this.carryOut = carryOut;
        this.overdueActions = overdueActions;
        this.recordGoodwill = recordGoodwill;
        this.cancelCase = cancelCase;
        this.setPriority = setPriority;
        this.searchCases = searchCases;
        this.paging = paging;
        this.csvExport = csvExport;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * {@code 201} with a new case, or {@code 200} when the machine already had an open case and the
     * call was logged on it. With {@code Idempotency-Key} (the chassis' IdempotencyFilter), a retry
     * by the same agent answers exactly as the first time, status and {@code Location} included.
     */
    @PostMapping
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    ResponseEntity<CaseViews.Registered> register(@Valid @RequestBody RegisterComplaintRequest request) {
        var taken = takeCall.take(request.toCommand(currentUser.userId()));
        var location = URI.create("/api/complaints/" + taken.complaintId());
        var body = CaseViews.Registered.of(taken);
        return taken.newCase()
                ? ResponseEntity.created(location).body(body)
                : ResponseEntity.ok().location(location).body(body);
    }

    @GetMapping("/{complaintId}")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR','DISPATCHER')")
    CaseViews.Case show(@PathVariable String complaintId) {
        return CaseViews.Case.of(showCase.show(complaintId, currentUser.caller()));
    }

    /**
     * The case search, newest first, one page at a time ({@code cursor} from the previous page's
     * {@code next}). An agent without phone, serial or customer sees their own cases (SearchCases).
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    ResponseEntity<Page<CaseViews.Found>> search(
            @Valid CaseSearchParameters parameters,
            @RequestParam(required = false) @Size(max = 1024) String cursor,
            @RequestParam(required = false) Integer limit) {
        var caller = currentUser.caller();
        var search = searchCases.scoped(parameters.toSearch(), caller);
        var page = paging.request(SEARCH, search.asFilter(), caller, cursor, limit);
        return Paging.ok(paging.page(page, searchCases.page(search, page), CaseRows::position, CaseViews.Found::of));
    }

    /** The case search as CSV (UTF-8 with BOM, at most the chassis' export cap), scoped and audited like the list. */
    @GetMapping(value = "/export.csv")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    void export(@Valid CaseSearchParameters parameters, HttpServletResponse response) throws IOException {
        var caller = currentUser.caller();
        var search = searchCases.scoped(parameters.toSearch(), caller);
        csvExport.write(
                response,
                caller,
                search.audited(),
                new CsvExport.Sheet<>(
                        SEARCH,
                        CaseViews.Found.COLUMNS,
                        page -> searchCases.page(search, page),
                        CaseRows::position,
                        CaseViews.Found::cells));
    }

    /** The supervisor's list: open cases with no answer yet, waiting longest first, page by page. */
    @GetMapping("/waiting")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Page<CaseViews.Waiting>> waiting(
            @RequestParam(required = false) @Size(max = 1024) String cursor,
            @RequestParam(required = false) Integer limit) {
        var now = clock.instant();
        var page = paging.request(WAITING, Map.of(), currentUser.caller(), cursor, limit);
        return Paging.ok(
                paging.page(page, waitingCases.page(page), CaseRows::position, c -> CaseViews.Waiting.of(c, now)));
    }

    /** The agent answered the customer: the first-answer clock is met. */
    @PostMapping("/{complaintId}/answers")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void answer(@PathVariable String complaintId, @Valid @RequestBody CaseRequests.Answer request) {
        answerCustomer.answer(new AnswerCustomerCommand(complaintId, request.note(), currentUser.userId()));
    }

    /** The agent settled an open case by phone guidance: publishes ComplaintResolvedByPhone. */
    @PostMapping("/{complaintId}/phone-resolution")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resolveByPhone(@PathVariable String complaintId, @Valid @RequestBody CaseRequests.PhoneResolution request) {
        resolveByPhone.resolve(new ResolveByPhoneCommand(complaintId, request.guidance(), currentUser.userId()));
    }

    @PostMapping("/{complaintId}/resolution")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> proposeResolution(
            @PathVariable String complaintId, @Valid @RequestBody CaseRequests.ProposedResolution request) {
        var actions =
                request.actions().stream().map(CaseRequests.Action::toAction).toList();
        return Map.of(
                "resolutionId",
                proposeResolution.propose(new ProposeResolutionCommand(complaintId, actions, currentUser.userId())));
    }

    @PostMapping("/{complaintId}/resolution/approval")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approveResolution(@PathVariable String complaintId) {
        approveResolution.approve(complaintId, currentUser.userId());
    }

    /** The customer accepted the approved resolution: publishes ResolutionAgreed. */
    @PostMapping("/{complaintId}/resolution/acceptance")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordAcceptance(@PathVariable String complaintId) {
        recordAcceptance.accept(complaintId, currentUser.userId());
    }

    /** The owner carried out an action of the agreed resolution: the hotline any, a dealer only its own. */
    @PostMapping("/{complaintId}/resolution/actions/{actionId}/done")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR','DEALER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void actionDone(
            @PathVariable String complaintId,
            @PathVariable String actionId,
            @Valid @RequestBody CaseRequests.ActionDone request) {
        carryOut.done(complaintId, actionId, currentUser.caller(), request.evidenceReference(), request.note());
    }

    /** The customer received the goods parts reported shipped: the action is done. */
    @PostMapping("/{complaintId}/resolution/actions/{actionId}/receipt")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void goodsReceived(
            @PathVariable String complaintId,
            @PathVariable String actionId,
            @Valid @RequestBody CaseRequests.Receipt request) {
        carryOut.received(complaintId, actionId, currentUser.userId(), request.note());
    }

    /**
     * The supervisor's list: actions past their promised time and not done, page by page. {@code limit}
     * counts cases, oldest first; each case's overdue actions come together, promised earliest first.
     */
    @GetMapping("/overdue-actions")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Page<CaseViews.OverdueAction>> overdueActions(
            @RequestParam(required = false) @Size(max = 1024) String cursor,
            @RequestParam(required = false) Integer limit) {
        var page = paging.request(OVERDUE, Map.of(), currentUser.caller(), cursor, limit);
        var cases = paging.page(page, overdueActions.page(page), CaseRows::position, c -> c);
        return Paging.ok(new Page<>(
                cases.items().stream()
                        .flatMap(c -> ListOverdueActions.of(c).stream())
                        .map(CaseViews.OverdueAction::of)
                        .toList(),
                cases.next()));
    }

    /** The overdue list as CSV (UTF-8 with BOM, one line per action, at most the export cap), audited. */
    @GetMapping("/overdue-actions/export.csv")
    @PreAuthorize("hasRole('SUPERVISOR')")
    void exportOverdueActions(HttpServletResponse response) throws IOException {
        csvExport.write(
                response,
                currentUser.caller(),
                Map.of(),
                CsvExport.Sheet.ofLines(
                        OVERDUE,
                        CaseViews.OverdueAction.COLUMNS,
                        overdueActions::page,
                        CaseRows::position,
                        c -> ListOverdueActions.of(c).stream()
                                .map(o -> CaseViews.OverdueAction.of(o).cells())
                                .toList()));
    }

    /** A compensation on a case of any kind, within the caller's approval limit (above it: 409). */
    @PostMapping("/{complaintId}/goodwill")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> goodwill(
            @PathVariable String complaintId, @Valid @RequestBody CaseRequests.GoodwillGiven request) {
        return Map.of(
                "compensationId",
                recordGoodwill.record(
                        complaintId, request.kind(), request.amount(), request.reason(), currentUser.caller()));
    }

    /** The customer cancelled, or the case duplicates another: publishes ComplaintCancelled. */
    @PostMapping("/{complaintId}/cancellation")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable String complaintId, @Valid @RequestBody CaseRequests.CaseCancellation request) {
        cancelCase.cancel(complaintId, request.reason(), request.mergedInto(), request.note(), currentUser.userId());
    }

    /** A supervisor sets the priority with a reason: publishes PriorityChanged. */
    @PostMapping("/{complaintId}/priority")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void priority(@PathVariable String complaintId, @Valid @RequestBody CaseRequests.PriorityChange request) {
        setPriority.set(complaintId, request.priority(), request.reason(), currentUser.userId());
    }
}
