package dev.aftersales.followup.care.adapter.mongo;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface CustomerDocuments extends MongoRepository<CustomerDocument, String> {

    List<CustomerDocument> findByNextCareAtLessThanEqual(Instant now);

    List<CustomerDocument> findByLastContactAtLessThanEqual(Instant cutoff, Sort sort);

    long countByLastContactAtLessThanEqual(Instant cutoff);

    List<CustomerDocument> findByTasksCreatedGreaterThan(int count);
}
