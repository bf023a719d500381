package dev.aftersales.parts.stock.adapter.mongo;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface StockDocuments extends MongoRepository<StockDocument, String> {

    List<StockDocument> findByLocationIdOrderByPartNumber(String locationId);

    List<StockDocument> findByReservationsAssignmentId(String assignmentId);
}
