package dev.aftersales.followup.returncall.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.application.RecordCustomerContact;
import dev.aftersales.followup.casefile.domain.CaseFile;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import dev.aftersales.followup.returncall.domain.RetryPolicy;
import dev.aftersales.followup.returncall.domain.ReturnCallStatus;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Records the outcome of one try of a return call, under the retry policy (default 3 tries over 2 days). */
@Service
public class RecordCallAttempt {

    /**
     * An agent's try is recorded once or not at all: when another agent changed the call meanwhile,
     * the conflict surfaces (409) and the agent looks at the call again instead of counting a try twice.
     */
    private static final ConflictRetry CALL_TRIES = ConflictRetry.upTo(1);

    private final ReturnCalls returnCalls;
    private final CaseFiles caseFiles;
    private final RecordCustomerContact customerContact;
    private final RetryPolicy policy;
    private final Clock clock;
    private final ReturnCallMetrics metrics;

    RecordCallAttempt(
            ReturnCalls returnCalls,
            CaseFiles caseFiles,
            RecordCustomerContact customerContact,
            FollowupProperties properties,
            Clock clock,
            ReturnCallMetrics metrics) {
        this.returnCalls = returnCalls;
        this.caseFiles = caseFiles;
        this.customerContact = customerContact;
        this.policy = new RetryPolicy(properties.retryTries(), properties.retryWindow(), properties.callingHours());
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @throws NotFoundException when there is no such call
     * @throws ConflictException when the call is not due any more (reached or unreachable)
     */
    public ReturnCallWithCase record(RecordCallAttemptCommand command) {
        var now = clock.instant();
        var call = CALL_TRIES.run(() -> {
            var due = returnCalls
                    .find(command.returnCallId())
                    .orElseThrow(() -> new NotFoundException("return call " + command.returnCallId()));
            if (due.status() != ReturnCallStatus.DUE) {
                throw new ConflictException("return call " + due.id() + " is " + due.status() + ", not due");
            }
            var overdue = due.dueAt().isBefore(now);
            due.recordAttempt(command.outcome(), command.agentId(), command.callLaterAt(), policy, now);
            returnCalls.save(due);
            metrics.made(command.outcome(), overdue);
            return due;
        });
        if (call.status() == ReturnCallStatus.UNREACHABLE) {
            metrics.unreachable();
        }
        var caseFile = caseFiles.find(call.complaintId());
        if (command.outcome() == CallOutcome.REACHED) {
            // Reached once per call, so the call's id makes the contact idempotent.
            caseFile.map(CaseFile::customerId)
                    .ifPresent(customerId -> customerContact.record("reached:" + call.id(), customerId, now));
        }
        return new ReturnCallWithCase(call, caseFile);
    }
}
