package dev.aftersales.intake.caller.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.chassis.erasure.PersonalDataEraser;
import dev.aftersales.intake.caller.application.EraseCustomerData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Intake's documents with customers' personal data: the archive copy ({@code machines} and its phone keys
 * {@code machine_phones}), the master copy ({@code customers} and its phone keys {@code customer_phones};
 * {@code customer_machines} and {@code customer_merges} hold ids only) and the cases ({@code complaints}: the
 * form's customer, the timeline, events waiting in the outbox). Scans: an erasure is rare, and a case
 * registered without a customer id is found only by the phone it holds.
 */
@Component
class MongoPersonalDataCopies implements EraseCustomerData.PersonalDataCopies {

    private static final List<String> COLLECTIONS = List.of("complaints", "machines", "customers", "idempotency_keys");

    private final MongoTemplate mongo;

    MongoPersonalDataCopies(MongoTemplate mongo) {
        this.mongo = mongo;
        // For MongoDB proper: an erasure first finds what the customer's machines and cases hold.
        mongo.indexOps("machines").createIndex(new Index("customerId", Sort.Direction.ASC));
        mongo.indexOps("complaints").createIndex(new Index("customerId", Sort.Direction.ASC).sparse());
    }

    @Override
    public EraseCustomerData.Known knownOf(Set<String> customerIds) {
        var names = new ArrayList<String>();
        var phones = new ArrayList<String>();
        for (var machine : mongo.find(query(where("customerId").in(customerIds)), Document.class, "machines")) {
            names.add(machine.getString("customerName"));
            names.add(machine.getString("address")); // erased wherever it is written, like a name
            phones.add(machine.getString("customerPhone"));
        }
        for (var complaint : mongo.find(query(where("customerId").in(customerIds)), Document.class, "complaints")) {
            if (complaint.get("customer") instanceof Document customer) {
                names.add(customer.getString("name"));
                names.add(customer.getString("address"));
                if (customer.get("phones") instanceof List<?> list) {
                    list.stream()
                            .filter(String.class::isInstance)
                            .map(String.class::cast)
                            .forEach(phones::add);
                }
            }
        }
        return new EraseCustomerData.Known(names, phones);
    }

    @Override
    public int erase(PersonalDataEraser eraser) {
        var changed = (int) eraser.removeKeyedByPhone(mongo, "machine_phones");
        changed += (int) eraser.removeKeyedByPhone(mongo, "customer_phones");
        for (var collection : COLLECTIONS) {
            changed += eraser.eraseIn(mongo, collection);
        }
        return changed;
    }
}
