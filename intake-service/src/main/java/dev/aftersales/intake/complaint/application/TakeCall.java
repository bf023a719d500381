package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.IntakeProperties;
import dev.aftersales.intake.complaint.domain.CallRecord;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintIdGenerator;
import dev.aftersales.intake.complaint.domain.Complaints;
import dev.aftersales.intake.complaint.domain.SlaPolicies;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
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
    /** A fresh id is drawn when one is taken; more than one clash in a row means something else is wrong. */
    private static final int ID_ATTEMPTS = 3;

    private final Complaints complaints;
    private final CaseChanges changes;
    private final SlaPolicies sla;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int escalateAtCall;
    private final ComplaintIdGenerator ids = new ComplaintIdGenerator(new SecureRandom());

    TakeCall(
            Complaints complaints,
            CaseChanges changes,
            IntakeProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.complaints = complaints;
        this.changes = changes;
        this.sla = properties.sla().policies();
        this.clock = clock;
        this.meters = meters;
        this.escalateAtCall = properties.escalateAtCall();
    }

    public CallTaken take(TakeCallCommand command) {
        // The store keeps milliseconds; the answer must show the same deadlines a later read shows.
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return handle(command, UUID.randomUUID().toString(), now);
    }

    private CallTaken handle(TakeCallCommand command, String callId, Instant now) {
        var form = command.form();
        var open = complaints.openBySerialNumber(form.machine().serialNumber());
        if (!open.isEmpty()) {
            return logOn(open.get(0).id(), command, callId, now);
        }
        return register(command, callId, now);
    }

    private CallTaken logOn(String complaintId, TakeCallCommand command, String callId, Instant now) {
        var form = command.form();
        var call = new CallRecord(callId, now, command.takenBy(), form.channel(), form.symptoms());
        var escalated = new boolean[1];
        var taken = changes.change(complaintId, complaint -> {
            var before = complaint.priority();
            complaint.logCall(call, escalateAtCall);
            escalated[0] = complaint.priority() != before;
            return CallTaken.of(complaint, false);
        });
        count("aftersales.intake.calls.repeated", "Calls about a machine that already had an open case");
        if (escalated[0]) {
            count("aftersales.intake.cases.escalated", "Cases whose priority rose because the customer kept calling");
        }
        log.info("logged call {} on complaint {}", taken.callCount(), complaintId);
        return taken;
    }

    private CallTaken register(TakeCallCommand command, String callId, Instant now) {
        var form = command.form();
        var policy = sla.policyFor(form.kind(), form.customerTier());
        for (int attempt = 1; ; attempt++) {
            var complaint = Complaint.register(
                    ids.next(now), form, command.takenBy(), now, policy, callId, command.phoneGuidance());
            try {
                complaints.add(complaint);
            } catch (DuplicateKeyException e) {
                if (attempt == ID_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            Counter.builder("aftersales.complaints.registered")
                    .description("Complaints registered, by kind and channel")
                    .tag("kind", form.kind().name())
                    .tag("channel", form.channel().name())
                    .register(meters)
                    .increment();
            if (complaint.settledByPhone()) {
                Counter.builder("aftersales.intake.resolved.by.phone")
                        .description("Cases settled by phone guidance, by kind")
                        .tag("kind", form.kind().name())
                        .register(meters)
                        .increment();
            }
            log.info("registered complaint {} ({} via {})", complaint.id(), form.kind(), form.channel());
            return CallTaken.of(complaint, true);
        }
    }

    private void count(String name, String description) {
        Counter.builder(name).description(description).register(meters).increment();
    }
}
