package dev.aftersales.followup.returncall.adapter.mongo;

import dev.aftersales.followup.returncall.domain.ReturnCallStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ReturnCallDocuments extends MongoRepository<ReturnCallDocument, String> {

    List<ReturnCallDocument> findByCallStatusAndCallDueAtLessThanEqual(
            ReturnCallStatus status, Instant deadline, Sort sort);

    long countByCallStatusAndCallDueAtLessThanEqual(ReturnCallStatus status, Instant deadline);

    List<ReturnCallDocument> findByCallStatus(ReturnCallStatus status, Sort sort);
}
