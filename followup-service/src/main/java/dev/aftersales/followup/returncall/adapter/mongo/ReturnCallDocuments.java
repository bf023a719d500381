package dev.aftersales.followup.returncall.adapter.mongo;

import dev.aftersales.followup.returncall.domain.ReturnCallStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ReturnCallDocuments extends MongoRepository<ReturnCallDocument, String> {

    List<ReturnCallDocument> findByStatusAndDueAtLessThanEqual(ReturnCallStatus status, Instant deadline, Sort sort);

    long countByStatusAndDueAtLessThanEqual(ReturnCallStatus status, Instant deadline);

    List<ReturnCallDocument> findByStatus(ReturnCallStatus status, Sort sort);

    long countByStatus(ReturnCallStatus status);
}
