package dev.aftersales.parts.reservation.adapter.mongo;

import dev.aftersales.parts.reservation.domain.Backorder;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface BackorderDocuments extends MongoRepository<BackorderDocument, String> {

    List<BackorderDocument> findByBackorderPartNumberAndBackorderStatusIn(
            String partNumber, Collection<Backorder.Status> statuses);

    List<BackorderDocument> findByBackorderAssignmentIdAndBackorderStatus(String assignmentId, Backorder.Status status);

    List<BackorderDocument> findByBackorderComplaintIdAndBackorderStatusIn(
            String complaintId, Collection<Backorder.Status> statuses);
}
