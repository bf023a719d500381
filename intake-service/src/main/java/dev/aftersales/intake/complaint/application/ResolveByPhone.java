package dev.aftersales.intake.complaint.application;

import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * The agent settled an open case by phone guidance (电话指导): {@code ComplaintResolvedByPhone} is
 * published, follow-up still calls back, and the case closes only when the customer says satisfied.
 */
@Service
public class ResolveByPhone {

    private final CaseChanges changes;
    private final Clock clock;
    private final ComplaintMetrics metrics;

    ResolveByPhone(CaseChanges changes, Clock clock, ComplaintMetrics metrics) {
        this.changes = changes;
        this.clock = clock;
        this.metrics = metrics;
    }

    public void resolve(ResolveByPhoneCommand command) {
        var now = clock.instant();
        var kind = changes.change(command.complaintId(), complaint -> {
            complaint.resolveByPhone(command.guidance(), command.by(), now);
            return complaint.form().kind();
        });
        metrics.resolvedByPhone(kind);
    }
}
