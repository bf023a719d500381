package dev.aftersales.intake.caller.adapter.mongo;

import dev.aftersales.intake.caller.domain.MasterCustomer;
import dev.aftersales.intake.caller.domain.MasterCustomers;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import org.springframework.stereotype.Component;

/** The master's customers in {@code customers}, {@code _id} = customer id. */
@Component
class MongoMasterCustomers implements MasterCustomers {

    @Document("customers")
    record MasterCustomerDocument(
            @Id String id, @Unwrapped.Nullable MasterCustomer customer) {}

    private final MongoTemplate mongo;

    MongoMasterCustomers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<MasterCustomer> find(String customerId) {
        return Optional.ofNullable(mongo.findById(customerId, MasterCustomerDocument.class))
                .map(MasterCustomerDocument::customer);
    }

    @Override
    public void put(MasterCustomer customer) {
        mongo.save(new MasterCustomerDocument(customer.customerId(), customer));
    }
}
