package dev.aftersales.followup.care.adapter.mongo;

import dev.aftersales.chassis.time.DueTimes;
import dev.aftersales.followup.care.domain.Customer;
import dev.aftersales.followup.care.domain.Customers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Customers in the {@code customers} collection. The due and silent filters are ranges, which
 * scan on the embedded store; production MongoDB serves them from {@code {nextCareAt: 1}} and
 * {@code {lastContactAt: 1}} indexes.
 */
@Component
class MongoCustomers implements Customers {

    private final CustomerDocuments documents;
    private final MongoTemplate mongo;

    MongoCustomers(CustomerDocuments documents, MongoTemplate mongo) {
        this.documents = documents;
        this.mongo = mongo;
        // For MongoDB proper (the embedded store ignores non-unique indexes): customers grow with every machine sold.
        var indexes = mongo.indexOps(CustomerDocument.class);
        // the care sweep's customers due for a care call
        indexes.createIndex(new Index("nextCareAt", Sort.Direction.ASC));
        // customers silent since a cutoff, longest silent first (list and gauge)
        indexes.createIndex(new Index().on("lastContactAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        // customers with care tasks created
        indexes.createIndex(new Index("tasksCreated", Sort.Direction.ASC));
    }

    @Override
    public Optional<Customer> find(String id) {
        return documents.findById(id).map(CustomerDocument::toCustomer);
    }

    @Override
    public void save(Customer customer) {
        documents.save(CustomerDocument.of(customer));
    }

    @Override
    public List<Customer> careDueBy(Instant now) {
        return documents.findByCustomerNextCareAtLessThanEqual(now).stream()
                .map(CustomerDocument::toCustomer)
                .toList();
    }

    @Override
    public Optional<Instant> nextCareDue() {
        return DueTimes.earliest(mongo, "customers", "nextCareAt");
    }

    @Override
    public List<Customer> lastContactBy(Instant cutoff) {
        return documents.findByCustomerLastContactAtLessThanEqual(cutoff, Sort.by("lastContactAt", "id")).stream()
                .map(CustomerDocument::toCustomer)
                .toList();
    }

    @Override
    public List<Customer> withTasks() {
        return documents.findByCustomerTasksCreatedGreaterThan(0).stream()
                .map(CustomerDocument::toCustomer)
                .toList();
    }
}
