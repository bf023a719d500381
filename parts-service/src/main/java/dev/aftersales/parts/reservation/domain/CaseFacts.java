package dev.aftersales.parts.reservation.domain;

import dev.aftersales.contracts.intake.Priority;
import java.time.Instant;
import java.util.Optional;

/** What parts learns about cases from other services: a complaint's priority, a visit's appointment. */
public interface CaseFacts {

    void recordPriority(String complaintId, Priority priority);

    Priority priorityOf(String complaintId);

    void recordAppointmentEnd(String assignmentId, Instant windowEnd);

    Optional<Instant> appointmentEndOf(String assignmentId);
}
