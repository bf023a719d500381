package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.dispatch.assignment.application.FeeConsentMetrics.CodeOutcome;
import dev.aftersales.dispatch.assignment.application.FeeConsentRefusedException.Reason;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.ConsentCodeCheck;
import dev.aftersales.dispatch.assignment.domain.FeeConsent;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * The technician types the code the customer read out from their phone. The right code in time records
 * the consent (audited in the same write); a wrong one uses up a try and is saved before the answer, so
 * tries cannot be replayed. Two guesses racing each other: one loses on the optimistic save and gets the
 * same 409 whether its code was right or wrong, so a race tells nothing about the code.
 */
@Service
public class ConfirmConsentCode {

    private final Assignments assignments;
    private final OwnAssignments own;
    private final FeeConsentMetrics metrics;
    private final Clock clock;

    ConfirmConsentCode(Assignments assignments, OwnAssignments own, FeeConsentMetrics metrics, Clock clock) {
        this.assignments = assignments;
        this.own = own;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Assignment confirm(String technicianId, String assignmentId, String code) {
        var assignment = own.get(technicianId, assignmentId);
        ConsentCodeCheck check;
        try {
            check = assignment.confirmConsentCode(code, clock.instant());
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
        return switch (check) {
            case CONFIRMED -> {
                var saved = assignments.save(assignment);
                metrics.code(CodeOutcome.CONFIRMED);
                metrics.consented(FeeConsent.SMS_CODE);
                yield saved;
            }
            case WRONG -> {
                var saved = assignments.save(assignment);
                var left = saved.consentChallenge().triesLeft();
                if (left == 0) {
                    metrics.code(CodeOutcome.SPENT);
                    throw new FeeConsentRefusedException(
                            Reason.CODE_SPENT, "wrong code, and that was the last try: ask for a new code", 0, null);
                }
                metrics.code(CodeOutcome.WRONG);
                throw new FeeConsentRefusedException(
                        Reason.WRONG_CODE,
                        "wrong code; " + left + (left == 1 ? " try" : " tries") + " left",
                        left,
                        null);
            }
            case SPENT ->
                throw new FeeConsentRefusedException(
                        Reason.CODE_SPENT, "this code has no tries left: ask for a new code", 0, null);
            case EXPIRED -> {
                metrics.code(CodeOutcome.EXPIRED);
                throw new FeeConsentRefusedException(
                        Reason.CODE_EXPIRED, "this code has expired: ask for a new code", 0, null);
            }
            case NOT_REQUESTED ->
                throw new FeeConsentRefusedException(
                        Reason.CODE_NOT_REQUESTED, "no code was sent for " + assignmentId + ": ask for one", 0, null);
        };
    }
}
