package dev.aftersales.parts.reservation.adapter.mongo;

import dev.aftersales.parts.reservation.domain.Backorder;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface BackorderDocuments extends MongoRepository<BackorderDocument, String> {

    List<BackorderDocument> findByBackorderPartNumberAndBackorderStatusNot(String partNumber, Backorder.Status status);
}
