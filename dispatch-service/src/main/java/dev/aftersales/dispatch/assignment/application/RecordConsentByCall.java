package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.FeeConsent;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A hotline agent called the customer, who cannot receive a code by text, and the customer agreed to
 * pay up to an amount above the quote. Recorded with the agent's id and note, audited in the same write.
 */
@Service
public class RecordConsentByCall {

    private final Assignments assignments;
    private final FeeConsentMetrics metrics;
    private final Clock clock;

    RecordConsentByCall(Assignments assignments, FeeConsentMetrics metrics, Clock clock) {
        this.assignments = assignments;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Assignment record(String agentId, String assignmentId, BigDecimal amount, String note) {
        var assignment = assignments
                .byId(assignmentId)
                .orElseThrow(() -> new NotFoundException("no assignment " + assignmentId));
        var quote = assignment.quote();
        if (quote == null) {
            throw new ConflictException(
                    "the technician has not quoted the fee of " + assignmentId + "; nothing to consent above");
        }
        if (!assignment.aboveQuote(amount)) {
            throw new InvalidRequestException(List.of(new FieldProblem(
                    "amount", "must be above the quote of " + quote.total().toPlainString())));
        }
        try {
            assignment.recordConsentByCall(amount, note, agentId, clock.instant());
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
        var saved = assignments.save(assignment);
        metrics.consented(FeeConsent.AGENT_CALL);
        return saved;
    }
}
