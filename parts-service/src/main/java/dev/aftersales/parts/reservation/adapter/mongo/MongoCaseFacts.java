package dev.aftersales.parts.reservation.adapter.mongo;

import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Case facts as plain upserts by id: each is set by one kind of event and a redelivery sets the
 * same value again, so no version or outbox is needed.
 */
@Component
class MongoCaseFacts implements CaseFacts {

    @Document("complaint_priorities")
    record ComplaintPriority(@Id String id, Priority priority) {}

    @Document("appointments")
    record Appointment(@Id String id, Instant windowEnd) {}

    private final MongoTemplate mongo;

    MongoCaseFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void recordPriority(String complaintId, Priority priority) {
        mongo.save(new ComplaintPriority(complaintId, priority));
    }

    @Override
    public Priority priorityOf(String complaintId) {
        var found = mongo.findById(complaintId, ComplaintPriority.class);
        return found == null || found.priority() == null ? Priority.NORMAL : found.priority();
    }

    @Override
    public void recordAppointmentEnd(String assignmentId, Instant windowEnd) {
        mongo.save(new Appointment(assignmentId, windowEnd));
    }

    @Override
    public Optional<Instant> appointmentEndOf(String assignmentId) {
        return Optional.ofNullable(mongo.findById(assignmentId, Appointment.class))
                .map(Appointment::windowEnd);
    }
}
