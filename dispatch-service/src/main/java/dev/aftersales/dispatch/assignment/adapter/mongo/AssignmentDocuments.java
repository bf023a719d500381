package dev.aftersales.dispatch.assignment.adapter.mongo;

import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AssignmentDocuments extends MongoRepository<AssignmentDocument, String> {

    List<AssignmentDocument> findByTechnicianIdOrderByDecidedAtAsc(String technicianId);

    List<AssignmentDocument> findByStatusOrderByDecidedAtAsc(AssignmentStatus status);
}
