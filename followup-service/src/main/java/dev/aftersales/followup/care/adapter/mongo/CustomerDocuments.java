package dev.aftersales.followup.care.adapter.mongo;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface CustomerDocuments extends MongoRepository<CustomerDocument, String> {

    List<CustomerDocument> findByCustomerNextCareAtLessThanEqual(Instant now);

    List<CustomerDocument> findByCustomerLastContactAtLessThanEqual(Instant cutoff, Sort sort);

    long countByCustomerLastContactAtLessThanEqual(Instant cutoff);

    List<CustomerDocument> findByCustomerTasksCreatedGreaterThan(int count);
}
