package dev.aftersales.parts.reservation.domain;

import dev.aftersales.contracts.intake.Priority;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What parts learns about cases from other services: a complaint's priority, a visit's appointment. */
public interface CaseFacts {

    /**
     * Records a complaint's priority as of {@code asOf}, unless a later one is known: a redelivered
     * older change never undoes a newer one. Events of one complaint arrive in order on its partition,
     * so the read-then-write needs no further guard.
     *
     * @param firstOnly the priority the case was registered with: recorded only when none is known yet
     * @return whether the recorded priority changed
     */
    boolean recordPriority(String complaintId, Priority priority, Instant asOf, boolean firstOnly);

    /** NORMAL when nothing is known about the complaint. */
    Priority priorityOf(String complaintId);

    /** The known priorities of the complaints; a complaint nothing is known about is absent. */
    Map<String, Priority> prioritiesOf(Collection<String> complaintIds);

    void recordAppointmentEnd(String assignmentId, Instant windowEnd);

    Optional<Instant> appointmentEndOf(String assignmentId);

    /** The known appointment ends of the assignments, in one read; an assignment without one is absent. */
    Map<String, Instant> appointmentEndsOf(Collection<String> assignmentIds);
}
