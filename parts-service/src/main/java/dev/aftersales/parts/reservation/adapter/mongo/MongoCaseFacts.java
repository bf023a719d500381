package dev.aftersales.parts.reservation.adapter.mongo;

import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Case facts as plain upserts by id: a redelivery sets the same value again, and a priority keeps
 * the time it holds from, so no version or outbox is needed.
 */
@Component
class MongoCaseFacts implements CaseFacts {

    @Document("complaint_priorities")
    record ComplaintPriority(@Id String id, Priority priority, Instant asOf) {}

    @Document("appointments")
    record Appointment(@Id String id, Instant windowEnd) {}

    private final MongoTemplate mongo;

    MongoCaseFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean recordPriority(String complaintId, Priority priority, Instant asOf, boolean firstOnly) {
        var known = mongo.findById(complaintId, ComplaintPriority.class);
        if (known != null
                && (firstOnly
                        || (known.asOf() != null && asOf.isBefore(known.asOf()))
                        || known.priority() == priority)) {
            return false;
        }
        mongo.save(new ComplaintPriority(complaintId, priority, asOf));
        return true;
    }

    @Override
    public Priority priorityOf(String complaintId) {
        var found = mongo.findById(complaintId, ComplaintPriority.class);
        return found == null || found.priority() == null ? Priority.NORMAL : found.priority();
    }

    @Override
    public Map<String, Priority> prioritiesOf(Collection<String> complaintIds) {
        var known = new HashMap<String, Priority>();
        for (var found :
                mongo.find(Query.query(Criteria.where("_id").in(Set.copyOf(complaintIds))), ComplaintPriority.class)) {
            if (found.priority() != null) {
                known.put(found.id(), found.priority());
            }
        }
        return known;
    }

    @Override
    public void recordAppointmentEnd(String assignmentId, Instant windowEnd) {
        mongo.save(new Appointment(assignmentId, windowEnd));
    }

    @Override
    public Map<String, Instant> appointmentEndsOf(Collection<String> assignmentIds) {
        var known = new HashMap<String, Instant>();
        for (var found :
                mongo.find(Query.query(Criteria.where("_id").in(Set.copyOf(assignmentIds))), Appointment.class)) {
            if (found.windowEnd() != null) {
                known.put(found.id(), found.windowEnd());
            }
        }
        return known;
    }

    @Override
    public Optional<Instant> appointmentEndOf(String assignmentId) {
        return Optional.ofNullable(mongo.findById(assignmentId, Appointment.class))
                .map(Appointment::windowEnd);
    }
}
