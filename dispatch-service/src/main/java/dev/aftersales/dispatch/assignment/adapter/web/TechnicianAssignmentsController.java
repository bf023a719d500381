package dev.aftersales.dispatch.assignment.adapter.web;

import dev.aftersales.chassis.idempotency.IdempotencyFilter;
import dev.aftersales.chassis.paging.Page;
import dev.aftersales.chassis.paging.Paging;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.contracts.dispatch.InstalledFacts;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.SiteFacts;
import dev.aftersales.dispatch.assignment.application.AcceptAssignment;
import dev.aftersales.dispatch.assignment.application.AcknowledgeWithdrawal;
import dev.aftersales.dispatch.assignment.application.ApplyOfflineUpdates;
import dev.aftersales.dispatch.assignment.application.AskForConsentCode;
import dev.aftersales.dispatch.assignment.application.BriefAssignments;
import dev.aftersales.dispatch.assignment.application.CompleteVisit;
import dev.aftersales.dispatch.assignment.application.CompleteVisitCommand;
import dev.aftersales.dispatch.assignment.application.ConfirmConsentCode;
import dev.aftersales.dispatch.assignment.application.DeclineAssignment;
import dev.aftersales.dispatch.assignment.application.DeclineReason;
import dev.aftersales.dispatch.assignment.application.FeeConsentRefusedException;
import dev.aftersales.dispatch.assignment.application.OfflineUpdate;
import dev.aftersales.dispatch.assignment.application.OwnAssignments;
import dev.aftersales.dispatch.assignment.application.QuoteFee;
import dev.aftersales.dispatch.assignment.application.RecordArrival;
import dev.aftersales.dispatch.assignment.application.RequestParts;
import dev.aftersales.dispatch.assignment.application.RequestPartsCommand;
import dev.aftersales.dispatch.assignment.application.SetAppointment;
import dev.aftersales.dispatch.assignment.domain.QuotedPart;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The technicians' app: their own assignments only, identified by the token's {@code technician_id}. */
@RestController
@RequestMapping("/api/technician/assignments")
@PreAuthorize("hasRole('TECHNICIAN')")
class TechnicianAssignmentsController {

    record PartsRequestBody(
            @NotBlank @Size(max = 64) String partNumber,
            @NotNull @PartQuantity Integer quantity) {}

    record PartsRequestAccepted(String requestId) {}

    /** One line of parts used at the visit. */
    record PartLineBody(
            @NotBlank @Size(max = 64) String partNumber,
            @NotNull @PartQuantity Integer quantity) {
        PartLine toPartLine() {
            return new PartLine(partNumber, quantity);
        }
    }

    record CompletionBody(
            @Size(max = 2000) String diagnosis,
            @Size(max = 500) String rootCause,
            @Size(max = 20) List<@NotNull @Valid PartLineBody> partsUsed,
            @PositiveOrZero BigDecimal feeCharged,
            @NotNull Boolean fixed,
            @Valid InstalledBody installed,
            @Valid SiteBody relocatedTo) {}

    /** Where a machine stands: an installation's site, or a relocation's new one. */
    record SiteBody(
            @NotBlank @Size(max = 500) String address,
            @NotBlank @Size(max = 12) String regionCode,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
        SiteFacts toFacts() {
            return new SiteFacts(address, regionCode, latitude, longitude);
        }
    }

    /** The machine an installation visit installed: the archive records it with its warranty from {@code installedOn}. */
    record InstalledBody(
            @NotBlank @Size(max = 64) String serialNumber,
            @Size(max = 64) String model,
            @Size(max = 64) String productLine,
            @NotNull LocalDate installedOn,
            @NotNull @Valid SiteBody site,
            @Size(max = 64) String customerId) {
        InstalledFacts toFacts() {
            return new InstalledFacts(serialNumber, model, productLine, installedOn, site.toFacts(), customerId);
        }
    }

    record DeclineBody(
            @NotNull DeclineReason reason, @Size(max = 500) String note) {}

    record AppointmentBody(
            @NotNull Instant windowStart, @NotNull Instant windowEnd) {}

    record QuotedPartBody(
            @NotBlank @Size(max = 64) String partNumber,
            @NotNull @PartQuantity Integer quantity,
            @NotNull @PositiveOrZero BigDecimal unitPrice) {}

    record QuoteBody(@Size(max = 20) List<@NotNull @Valid QuotedPartBody> parts) {}

    /**
     * The most the customer is asked to agree to pay; {@code customerCannotReceiveSms}: the customer
     * says no text reaches them (the hotline calls them instead).
     */
    record ConsentCodeBody(
            @NotNull @Positive @Digits(integer = 9, fraction = 2)
            BigDecimal amount,

            Boolean customerCannotReceiveSms) {}

    /** The code the customer read out: six digits. */
    record ConsentCodeConfirmation(
            @NotNull
            @Size(max = 6)
            @Pattern(regexp = "[0-9]{6}", message = "must be the six digits sent to the customer")
            String code) {}

    record OfflineBatch(@NotNull @Size(max = 100) List<@NotNull @Valid OfflineUpdateBody> updates) {}

    record OfflineUpdateBody(
            @NotBlank @Size(max = 64) String clientId,
            @NotNull Instant at,
            @NotBlank @Size(max = 64) String assignmentId,
            @NotBlank @Size(max = 32) String type,
            Instant windowStart,
            Instant windowEnd,
            @Size(max = 64) String partNumber,
            @PartQuantity Integer quantity,
            @Size(max = 2000) String diagnosis,
            @Size(max = 500) String rootCause,
            @Size(max = 20) List<@NotNull @Valid PartLineBody> partsUsed,
            @PositiveOrZero BigDecimal feeCharged,
            Boolean fixed) {}

    private static List<PartLine> partLines(List<PartLineBody> lines) {
        return lines == null
                ? null
                : lines.stream().map(PartLineBody::toPartLine).toList();
    }

    static final String OWN_LIST = "assignments.own";

    private final OwnAssignments own;
    private final BriefAssignments briefs;
    private final Paging paging;
    private final RequestParts requestParts;
    private final CompleteVisit completeVisit;
    private final AcceptAssignment acceptAssignment;
    private final DeclineAssignment declineAssignment;
    private final SetAppointment setAppointment;
    private final RecordArrival recordArrival;
    private final QuoteFee quoteFee;
    private final AskForConsentCode askForConsentCode;
    private final ConfirmConsentCode confirmConsentCode;
    private final ApplyOfflineUpdates applyOfflineUpdates;
    private final AcknowledgeWithdrawal acknowledgeWithdrawal;
    private final CurrentUser currentUser;

    TechnicianAssignmentsController(
            OwnAssignments own,
            BriefAssignments briefs,
            Paging paging,
            RequestParts requestParts,
            CompleteVisit completeVisit,
            AcceptAssignment acceptAssignment,
            DeclineAssignment declineAssignment,
            SetAppointment setAppointment,
            RecordArrival recordArrival,
            QuoteFee quoteFee,
            AskForConsentCode askForConsentCode,
            ConfirmConsentCode confirmConsentCode,
            ApplyOfflineUpdates applyOfflineUpdates,
            AcknowledgeWithdrawal acknowledgeWithdrawal,
            CurrentUser currentUser) {
        this.own = own;
        this.briefs = briefs;
        this.paging = paging;
        this.requestParts = requestParts;
        this.completeVisit = completeVisit;
        this.acceptAssignment = acceptAssignment;
        this.declineAssignment = declineAssignment;
        this.setAppointment = setAppointment;
        this.recordArrival = recordArrival;
        this.quoteFee = quoteFee;
        this.askForConsentCode = askForConsentCode;
        this.confirmConsentCode = confirmConsentCode;
        this.applyOfflineUpdates = applyOfflineUpdates;
        this.acknowledgeWithdrawal = acknowledgeWithdrawal;
        this.currentUser = currentUser;
    }

    /** Takes the offered job; repeating it is harmless. */
    @PostMapping("/{assignmentId}/acceptance")
    TechnicianAssignmentView accept(@PathVariable String assignmentId) {
        return TechnicianAssignmentView.of(acceptAssignment.accept(currentUser.technicianId(), assignmentId));
    }

    /** Passes the offer on; the assignment leaves the technician's list. */
    @PostMapping("/{assignmentId}/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decline(@PathVariable String assignmentId, @Valid @RequestBody DeclineBody body) {
        declineAssignment.decline(currentUser.technicianId(), assignmentId, body.reason(), body.note());
    }

    /** Sets the visit window agreed with the customer, or moves it. */
    @PutMapping("/{assignmentId}/appointment")
    TechnicianAssignmentView appointment(@PathVariable String assignmentId, @Valid @RequestBody AppointmentBody body) {
        return TechnicianAssignmentView.of(
                setAppointment.set(currentUser.technicianId(), assignmentId, body.windowStart(), body.windowEnd()));
    }

    /** Quotes the fee before the visit: free in warranty, else door fee + labour + the parts listed. */
    @PostMapping("/{assignmentId}/quote")
    TechnicianAssignmentView quote(@PathVariable String assignmentId, @Valid @RequestBody QuoteBody body) {
        var parts = body.parts() == null
                ? List.<QuotedPart>of()
                : body.parts().stream()
                        .map(p -> new QuotedPart(p.partNumber(), p.quantity(), p.unitPrice()))
                        .toList();
        return TechnicianAssignmentView.of(quoteFee.quote(currentUser.technicianId(), assignmentId, parts));
    }

    /**
     * Sends a one-time code to the customer's phone on record, to agree to pay up to {@code amount}
     * (above the quote). 202 with where it went (masked), its expiry and tries; never the code.
     */
    @PostMapping("/{assignmentId}/fee-consent/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AskForConsentCode.CodeSent askForConsentCode(
            @PathVariable String assignmentId, @Valid @RequestBody ConsentCodeBody body) {
        return askForConsentCode.ask(
                currentUser.technicianId(),
                assignmentId,
                body.amount(),
                Boolean.TRUE.equals(body.customerCannotReceiveSms()));
    }

    /** The code the customer read out: the right one records their consent. */
    @PostMapping("/{assignmentId}/fee-consent/confirmation")
    TechnicianAssignmentView confirmConsentCode(
            @PathVariable String assignmentId, @Valid @RequestBody ConsentCodeConfirmation body) {
        return TechnicianAssignmentView.of(
                confirmConsentCode.confirm(currentUser.technicianId(), assignmentId, body.code()));
    }

    @ExceptionHandler(FeeConsentRefusedException.class)
    ResponseEntity<ProblemDetail> consentRefused(FeeConsentRefusedException e) {
        return FeeConsentProblems.of(e);
    }

    /** The technician on site acknowledges that the case was withdrawn; the door-fee rule is applied. */
    @PostMapping("/{assignmentId}/withdrawal-acknowledgement")
    TechnicianAssignmentView acknowledgeWithdrawal(@PathVariable String assignmentId) {
        return TechnicianAssignmentView.of(acknowledgeWithdrawal.acknowledge(currentUser.technicianId(), assignmentId));
    }

    @PostMapping("/{assignmentId}/arrival")
    TechnicianAssignmentView arrive(@PathVariable String assignmentId) {
        return TechnicianAssignmentView.of(recordArrival.arrive(currentUser.technicianId(), assignmentId));
    }

    /** Changes made offline, sent later: each applied once, in the order they were made. */
    @PostMapping("/offline-updates")
    List<ApplyOfflineUpdates.Result> sync(@Valid @RequestBody OfflineBatch batch) {
        return applyOfflineUpdates.apply(
                currentUser.technicianId(),
                batch.updates().stream()
                        .map(u -> new OfflineUpdate(
                                u.clientId(),
                                u.at(),
                                u.assignmentId(),
                                u.type(),
                                u.windowStart(),
                                u.windowEnd(),
                                u.partNumber(),
                                u.quantity(),
                                u.diagnosis(),
                                u.rootCause(),
                                partLines(u.partsUsed()),
                                u.feeCharged(),
                                u.fixed()))
                        .toList());
    }

    /** The technician's own assignments, newest first, a page at a time ({@code cursor} from {@code next}). */
    @GetMapping
    ResponseEntity<Page<TechnicianAssignmentView>> list(
            @RequestParam(required = false) @Size(max = 1024) String cursor,
            @RequestParam(required = false) Integer limit) {
        var technicianId = currentUser.technicianId();
        var page = paging.request(OWN_LIST, Map.of(), currentUser.caller(), cursor, limit);
        return Paging.ok(paging.page(
                page,
                own.page(technicianId, page),
                AssignmentRows::position,
                a -> TechnicianAssignmentView.of(briefs.listed(a))));
    }

    @GetMapping("/{assignmentId}")
    TechnicianAssignmentView get(@PathVariable String assignmentId) {
        return TechnicianAssignmentView.of(briefs.of(own.get(currentUser.technicianId(), assignmentId)));
    }

    /**
     * With {@code Idempotency-Key} a retry gets the first answer (the chassis keeps it); the key also
     * names the request itself, so even a retry the chassis no longer remembers asks only once.
     */
    @PostMapping("/{assignmentId}/parts-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    PartsRequestAccepted requestParts(
            @PathVariable String assignmentId,
            @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String clientRequestId,
            @Valid @RequestBody PartsRequestBody body) {
        var requestId = requestParts.request(new RequestPartsCommand(
                currentUser.technicianId(), assignmentId, body.partNumber(), body.quantity(), clientRequestId));
        return new PartsRequestAccepted(requestId);
    }

    @PostMapping("/{assignmentId}/completion")
    TechnicianAssignmentView complete(@PathVariable String assignmentId, @Valid @RequestBody CompletionBody body) {
        var completed = completeVisit.complete(new CompleteVisitCommand(
                currentUser.technicianId(),
                assignmentId,
                body.diagnosis(),
                body.rootCause(),
                body.partsUsed() == null ? List.of() : partLines(body.partsUsed()),
                body.feeCharged(),
                body.fixed(),
                body.installed() == null ? null : body.installed().toFacts(),
                body.relocatedTo() == null ? null : body.relocatedTo().toFacts()));
        return TechnicianAssignmentView.of(completed);
    }
}
