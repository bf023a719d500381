package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.contracts.dispatch.WithdrawalReason;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.WithdrawalOutcome;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A case settled by phone, closed, merged or cancelled keeps nobody on the road: each of its open
 * assignments is cancelled ({@code AssignmentCancelled}: WITHDRAWN on the technician's feed, parts
 * releases the reservations), or, where the technician is on site already, waits for their
 * acknowledgement. Idempotent: an assignment cancelled or being withdrawn is left as it is, so a
 * redelivered event changes nothing.
 */
@Service
public class WithdrawAssignments {

    /** A technician's change may race the withdrawal: a fresh read settles it without a broker retry. */
    private static final ConflictRetry WITHDRAWALS = ConflictRetry.upTo(5);

    private static final Logger log = LoggerFactory.getLogger(WithdrawAssignments.class);

    private final Assignments assignments;
    private final Technicians technicians;
    private final Clock clock;
    private final AssignmentMetrics metrics;

    WithdrawAssignments(Assignments assignments, Technicians technicians, Clock clock, AssignmentMetrics metrics) {
        this.assignments = assignments;
        this.technicians = technicians;
        this.clock = clock;
        this.metrics = metrics;
    }

    public void withdraw(String complaintId, WithdrawalReason reason) {
        for (var found : assignments.ofComplaint(complaintId)) {
            WITHDRAWALS.run(() -> {
                var assignment = assignments.byId(found.id()).orElseThrow();
                var holder = assignment.technicianId();
                var wasAssigned = assignment.status() == AssignmentStatus.ASSIGNED;
                var outcome = assignment.withdraw(reason, clock.instant());
                if (outcome == WithdrawalOutcome.NOTHING_OPEN) {
                    return;
                }
                assignments.save(assignment);
                if (outcome == WithdrawalOutcome.CANCELLED && wasAssigned && holder != null) {
                    technicians.changeLoad(holder, -1);
                }
                metrics.withdrawn(reason, outcome);
                log.info("assignment {} of complaint {}: {} ({})", assignment.id(), complaintId, outcome, reason);
            });
        }
    }
}
