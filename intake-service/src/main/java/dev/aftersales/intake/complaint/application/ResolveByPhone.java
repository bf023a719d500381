package dev.aftersales.intake.complaint.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
    private final MeterRegistry meters;

    ResolveByPhone(CaseChanges changes, Clock clock, MeterRegistry meters) {
        this.changes = changes;
        this.clock = clock;
        this.meters = meters;
    }

    public void resolve(String complaintId, String guidance, String by) {
        var now = clock.instant();
        var kind = changes.change(complaintId, complaint -> {
            complaint.resolveByPhone(guidance, by, now);
            return complaint.form().kind();
        });
        Counter.builder("aftersales.intake.resolved.by.phone")
                .description("Cases settled by phone guidance, by kind")
                .tag("kind", kind.name())
                .register(meters)
                .increment();
    }
}
