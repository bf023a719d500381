package dev.aftersales.dispatch.customer.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import dev.aftersales.chassis.aggregate.OutboxEvent;
import dev.aftersales.chassis.outbox.OutboxRelay;
import dev.aftersales.dispatch.customer.domain.Customer;
import dev.aftersales.dispatch.customer.domain.Customers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoCustomers implements Customers {

    /** The store's code for a unique key taken. */
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    MongoCustomers(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
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

    /** One read by key: {@code _id $in} is served by the {@code _id} index, also on the embedded store. */
    @Override
    public Map<String, String> ownersOfPhones(Collection<String> phoneKeys) {
        var owners = new HashMap<String, String>();
        if (!phoneKeys.isEmpty()) {
            mongo.find(query(where("_id").in(phoneKeys)), CustomerPhoneDocument.class)
                    .forEach(key -> owners.put(key.phone(), key.customerId()));
        }
        return owners;
    }

    @Override
    public Set<String> existing(Collection<String> customerIds) {
        var found = new HashSet<String>();
        if (!customerIds.isEmpty()) {
            var ids = mongo.getCollection(mongo.getCollectionName(CustomerDocument.class))
                    .find(new Document("_id", new Document("$in", List.copyOf(customerIds))))
                    .projection(new Document("_id", 1));
            ids.forEach(document -> found.add(document.getString("_id")));
        }
        return found;
    }

    /**
     * One unordered insert for all, each document with its outbox, like a save: the events are marked
     * for the outbox sweep before the write, and those of the customers it inserted are handed to the
     * relay right after it (the bulk write bypasses the save hooks that do this for one).
     */
    @Override
    public Set<String> addAll(List<Customer> newCustomers) {
        if (newCustomers.isEmpty()) {
            return Set.of();
        }
        var collection = mongo.getCollectionName(CustomerDocument.class);
        var pending = new LinkedHashMap<String, List<OutboxEvent>>();
        var documents = new ArrayList<Document>(newCustomers.size());
        for (var customer : newCustomers) {
            var of = CustomerDocument.of(customer);
            // inserted at version 0, as the template's insert of a versioned document would
            var document = new CustomerDocument(of.id(), of.state(), 0L, of.outbox());
            if (document.outbox() != null && document.outbox().hasPending()) {
                pending.put(document.id(), document.outbox().pending());
            }
            var fields = new Document();
            mongo.getConverter().write(document, fields);
            documents.add(fields);
        }
        relay.mark(collection, pending);
        var refused = insertEach(collection, documents);
        var added = new HashSet<String>();
        for (int i = 0; i < newCustomers.size(); i++) {
            if (!refused.contains(i)) {
                var id = newCustomers.get(i).id();
                added.add(id);
                var events = pending.get(id);
                if (events != null) {
                    relay.enqueue(collection, id, events);
                }
            }
        }
        return added;
    }

    @Override
    public Set<String> claimPhones(Map<String, String> customerByPhoneKey) {
        var keys = List.copyOf(customerByPhoneKey.keySet());
        var documents = new ArrayList<Document>(keys.size());
        for (var key : keys) {
            documents.add(new Document("_id", key).append("customerId", customerByPhoneKey.get(key)));
        }
        var refused = insertEach(mongo.getCollectionName(CustomerPhoneDocument.class), documents);
        var claimed = new HashSet<String>();
        for (int i = 0; i < keys.size(); i++) {
            if (!refused.contains(i)) {
                claimed.add(keys.get(i));
            }
        }
        return claimed;
    }

    /** Inserts each document unless its {@code _id} is taken; @return the positions refused as taken. */
    private Set<Integer> insertEach(String collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        try {
            mongo.getCollection(collection).insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            var refused = new HashSet<Integer>();
            for (var error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
            return refused;
        }
    }
}
