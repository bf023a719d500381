package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.intake.IntakeProperties;
import dev.aftersales.intake.complaint.domain.CallRecord;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintIdGenerator;
import dev.aftersales.intake.complaint.domain.Complaints;
import dev.aftersales.intake.complaint.domain.SlaPolicies;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes a call: a machine with an open case gets the call logged on that case (no duplicate cases),
 * any other opens a case, whose one write stores it with its SLA clocks and the
 * {@code ComplaintRegistered} event. A call posted again with the same {@code Idempotency-Key} is
 * answered by the chassis with the first answer and never reaches this use case.
 */
@Service
public class TakeCall {

    private static final Logger log = LoggerFactory.getLogger(TakeCall.class);

    /**
     * A new case's id is drawn afresh when the store already holds it (same millisecond, same random
     * part); more than one clash in a row means something else is wrong.
     */
    private static final ConflictRetry NEW_CASE_IDS = ConflictRetry.upTo(3).alsoOnDuplicateKey();

    private final Complaints complaints;
    private final CaseChanges changes;
    private final SlaPolicies sla;
    private final Clock clock;
    private final ComplaintMetrics metrics;
    private final int escalateAtCall;
    private final ComplaintIdGenerator ids = new ComplaintIdGenerator(new SecureRandom());

    TakeCall(
            Complaints complaints,
            CaseChanges changes,
            IntakeProperties properties,
            Clock clock,
            ComplaintMetrics metrics) {
        this.complaints = complaints;
        this.changes = changes;
        this.sla = properties.sla().policies();
        this.clock = clock;
        this.metrics = metrics;
        this.escalateAtCall = properties.escalateAtCall();
    }

    public CallTaken take(TakeCallCommand command) {
        // The store keeps milliseconds; the answer must show the same deadlines a later read shows.
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var call = new CallRecord(
                UUID.randomUUID().toString(),
                now,
                command.takenBy(),
                command.form().channel(),
                command.form().symptoms());
        var open = complaints.openBySerialNumber(command.form().machine().serialNumber());
        return open.isEmpty() ? register(command, call, now) : logOn(open.get(0).id(), call);
    }

    private CallTaken logOn(String complaintId, CallRecord call) {
        var escalated = new boolean[1];
        var taken = changes.change(complaintId, complaint -> {
            var before = complaint.priority();
            complaint.logCall(call, escalateAtCall);
            escalated[0] = complaint.priority() != before;
            return CallTaken.of(complaint, false);
        });
        metrics.callRepeated();
        if (escalated[0]) {
            metrics.escalated();
        }
        log.info("logged call {} on complaint {}", taken.callCount(), complaintId);
        return taken;
    }

    private CallTaken register(TakeCallCommand command, CallRecord call, Instant now) {
        var form = command.form();
        var policy = sla.policyFor(form.kind(), form.customerTier());
        var complaint = NEW_CASE_IDS.run(() -> {
            var drawn = Complaint.register(
                    ids.next(now), form, command.takenBy(), now, policy, call.callId(), command.phoneGuidance());
            complaints.add(drawn);
            return drawn;
        });
        metrics.registered(form.kind(), form.channel());
        if (complaint.settledByPhone()) {
            metrics.resolvedByPhone(form.kind());
        }
        log.info("registered complaint {} ({} via {})", complaint.id(), form.kind(), form.channel());
        return CallTaken.of(complaint, true);
    }
}
