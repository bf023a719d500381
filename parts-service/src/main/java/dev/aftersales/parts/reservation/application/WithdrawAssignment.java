package dev.aftersales.parts.reservation.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.parts.reservation.domain.Backorders;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Dispatch withdrew an assignment (AssignmentCancelled): what was held for its visit goes back to
 * stock (ReservationReleased, {@code WITHDRAWN}), and its backorders still waiting leave the line so
 * that arriving stock goes to visits that will happen. Both steps find nothing left on a
 * redelivery, so each reservation is released exactly once.
 */
@Service
public class WithdrawAssignment {

    static final String REASON = "WITHDRAWN";

    private static final Logger log = LoggerFactory.getLogger(WithdrawAssignment.class);

    private static final ConflictRetry BACKORDER_CHANGES = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    private final ReleaseReservations releaseReservations;
    private final Backorders backorders;

    WithdrawAssignment(ReleaseReservations releaseReservations, Backorders backorders) {
        this.releaseReservations = releaseReservations;
        this.backorders = backorders;
    }

    /** @return the reservations released */
    public int withdraw(String assignmentId) {
        int released = releaseReservations.releaseAssignment(assignmentId, REASON);
        int left = 0;
        for (var waiting : backorders.waitingFor(assignmentId)) {
            if (BACKORDER_CHANGES.run(() -> backorders
                    .find(waiting.requestId())
                    .filter(backorder -> backorder.withdraw())
                    .map(backorders::save)
                    .isPresent())) {
                left++;
            }
        }
        log.info(
                "assignment {} withdrawn: {} reservations released, {} backorders left the line",
                assignmentId,
                released,
                left);
        return released;
    }
}
