package dev.aftersales.dispatch.customer.adapter.mongo;

import dev.aftersales.chassis.erasure.PersonalDataEraser;
import dev.aftersales.dispatch.customer.application.EraseCustomer;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Dispatch's documents that may hold a customer's name, phone or address: the case contact of assignments
 * and known cases (as the hotline registered it), and the events of installation records and of the
 * master itself not yet published (an erased customer's record is written by its domain afterwards), and
 * the stored answers of requests sent with an idempotency key.
 */
@Component
class MongoCustomerCopies implements EraseCustomer.CustomerCopies {

    static final List<String> COLLECTIONS = List.of(
            "assignments",
            "knownCases",
            "appointments",
            "technicianFeeds",
            "installations",
            "customers",
            "idempotency_keys");

    private final MongoTemplate mongo;

    MongoCustomerCopies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public int erase(PersonalDataEraser eraser) {
        return COLLECTIONS.stream()
                .mapToInt(collection -> eraser.eraseIn(mongo, collection))
                .sum();
    }
}
