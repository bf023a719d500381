package dev.aftersales.followup.returncall.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.application.RecordCustomerContact;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import dev.aftersales.followup.returncall.domain.RetryPolicy;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCallStatus;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** Records the outcome of one try of a return call, under the retry policy (default 3 tries over 2 days). */
@Service
public class RecordCallAttempt {

    private final ReturnCalls returnCalls;
    private final CaseFiles caseFiles;
    private final RecordCustomerContact customerContact;
    private final RetryPolicy policy;
    private final Clock clock;
    private final MeterRegistry meters;

    RecordCallAttempt(
            ReturnCalls returnCalls,
            CaseFiles caseFiles,
            RecordCustomerContact customerContact,
            FollowupProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.returnCalls = returnCalls;
        this.caseFiles = caseFiles;
        this.customerContact = customerContact;
        this.policy = new RetryPolicy(properties.retryTries(), properties.retryWindow());
        this.clock = clock;
        this.meters = meters;
    }

    public ReturnCall record(RecordCallAttemptCommand command) {
        var call = returnCalls
                .find(command.returnCallId())
                .orElseThrow(() -> new NotFoundException("return call " + command.returnCallId()));
        var now = clock.instant();
        var wasOverdue = call.dueAt().isBefore(now);
        try {
            call.recordAttempt(command.outcome(), command.agentId(), command.callLaterAt(), policy, now);
            returnCalls.save(call);
        } catch (IllegalStateException | OptimisticLockingFailureException e) {
            throw new ConflictException(e.getMessage());
        }
        meters.counter(
                        "aftersales.returncalls.made",
                        "outcome",
                        command.outcome().name(),
                        "overdue",
                        Boolean.toString(wasOverdue))
                .increment();
        if (call.status() == ReturnCallStatus.UNREACHABLE) {
            meters.counter("aftersales.returncalls.unreachable").increment();
        }
        if (command.outcome() == CallOutcome.REACHED) {
            caseFiles
                    .find(call.complaintId())
                    .map(f -> f.customerId())
                    .ifPresent(customerId ->
                            customerContact.record(UUID.randomUUID().toString(), customerId, now));
        }
        return call;
    }
}
