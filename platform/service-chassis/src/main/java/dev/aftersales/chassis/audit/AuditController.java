package dev.aftersales.chassis.audit;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.paging.CsvExport;
import dev.aftersales.chassis.paging.Page;
import dev.aftersales.chassis.paging.Paging;
import dev.aftersales.chassis.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's audit trail for operations and supervisors, newest first a page at a time ({@link
 * Paging}), and as CSV ({@link CsvExport}, itself an audited act); there is no door that changes it.
 */
@RestController
@PreAuthorize("hasAnyRole('OPS','SUPERVISOR')")
class AuditController {

    private static final String LIST = "audit";
    private static final int MAX_TEXT = 200;

    private final AuditTrail trail;
    private final Paging paging;
    private final CsvExport csvExport;
    private final CurrentUser currentUser;

    AuditController(AuditTrail trail, Paging paging, CsvExport csvExport, CurrentUser currentUser) {
        this.trail = trail;
        this.paging = paging;
        this.csvExport = csvExport;
        this.currentUser = currentUser;
    }

    @GetMapping("/admin/audit")
    ResponseEntity<Page<AuditTrail.Listed>> list(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) Instant since,
            @RequestParam(required = false) Instant until,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        var filter = filter(action, actor, subject, since, until);
        var request = paging.request(LIST, filter.asMap(), currentUser.caller(), cursor, limit);
        return Paging.ok(
                paging.page(request, trail.page(filter, request), AuditTrail.Listed::position, entry -> entry));
    }

    /** The same entries as CSV (UTF-8 with BOM, at most the export cap); the export is an entry of its own. */
    @GetMapping("/admin/audit/export.csv")
    void export(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) Instant since,
            @RequestParam(required = false) Instant until,
            HttpServletResponse response)
            throws IOException {
        var filter = filter(action, actor, subject, since, until);
        csvExport.write(
                response,
                currentUser.caller(),
                filter.asMap(),
                new CsvExport.Sheet<>(
                        LIST,
                        AuditTrail.Listed.COLUMNS,
                        page -> trail.page(filter, page),
                        AuditTrail.Listed::position,
                        AuditTrail.Listed::cells));
    }

    /** Every problem of the filter in one answer: over-long texts and a period that ends before it starts. */
    private static AuditTrail.Filter filter(String action, String actor, String subject, Instant since, Instant until) {
        var problems = new ArrayList<FieldProblem>();
        text(problems, "action", action);
        text(problems, "actor", actor);
        text(problems, "subject", subject);
        if (since != null && until != null && !since.isBefore(until)) {
            problems.add(new FieldProblem("until", "must be after since"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new AuditTrail.Filter(blankless(action), blankless(actor), blankless(subject), since, until);
    }

    private static void text(java.util.List<FieldProblem> problems, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
