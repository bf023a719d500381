package dev.aftersales.dispatch.customer.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.dispatch.customer.domain.Customer;
import dev.aftersales.dispatch.customer.domain.Customers;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoCustomers implements Customers {

    private final MongoTemplate mongo;

    MongoCustomers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Customer> find(String customerId) {
        return Optional.ofNullable(mongo.findById(customerId, CustomerDocument.class))
                .map(CustomerDocument::toCustomer);
    }

    @Override
    public boolean add(Customer customer) {
        try {
            mongo.insert(CustomerDocument.of(customer));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void save(Customer customer) {
        mongo.save(CustomerDocument.of(customer));
    }

    @Override
    public Optional<String> ownerOfPhone(String phoneKey) {
        return Optional.ofNullable(mongo.findById(phoneKey, CustomerPhoneDocument.class))
                .map(CustomerPhoneDocument::customerId);
    }

    @Override
    public boolean claimPhone(String phoneKey, String customerId) {
        try {
            mongo.insert(new CustomerPhoneDocument(phoneKey, customerId));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void pointPhone(String phoneKey, String customerId) {
        mongo.upsert(
                query(where("_id").is(phoneKey)),
                new Update().set("customerId", customerId),
                CustomerPhoneDocument.class);
    }

    @Override
    public void releasePhone(String phoneKey) {
        mongo.remove(query(where("_id").is(phoneKey)), CustomerPhoneDocument.class);
    }
}
