package dev.aftersales.chassis.audit;

import dev.aftersales.chassis.application.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service's audit trail, newest first, for operations and supervisors; there is no door that changes it. */
@RestController
@PreAuthorize("hasAnyRole('OPS','SUPERVISOR')")
class AuditController {

    private static final int MAX_LIMIT = 500;
    private static final int MAX_TEXT = 200;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    List<AuditTrail.Listed> list(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) Instant since,
            @RequestParam(required = false) Instant until,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (action != null && action.length() > MAX_TEXT) {
            throw new InvalidRequestException("action", "must be at most " + MAX_TEXT + " characters");
        }
        if (subject != null && subject.length() > MAX_TEXT) {
            throw new InvalidRequestException("subject", "must be at most " + MAX_TEXT + " characters");
        }
        return trail.list(action, subject, since, until, limit);
    }
}
