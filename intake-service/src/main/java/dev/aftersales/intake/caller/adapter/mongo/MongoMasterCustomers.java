package dev.aftersales.intake.caller.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.intake.caller.domain.MasterCustomer;
import dev.aftersales.intake.caller.domain.MasterCustomers;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The master's customers in {@code customers}, {@code _id} = customer id; a key document per phone in
 * {@code customer_phones} (the customer ids that have it, {@code _id} = the number in E.164), and per
 * surviving customer in {@code customer_merges} (the ids merged into it). Every read is by key: the
 * embedded store ignores secondary indexes.
 */
@Component
class MongoMasterCustomers implements MasterCustomers {

    /** More customers on one phone than this are a shared switchboard, not a caller the agent can pick from. */
    private static final int MAX_BY_PHONE = 20;

    @Document("customers")
    record MasterCustomerDocument(
            @Id String id, @Unwrapped.Nullable MasterCustomer customer) {}

    /** Personal data (the phone is the key): deleted on the customer's erasure, never logged. */
    @Document("customer_phones")
    record CustomerPhoneDocument(@Id String phone, List<String> customerIds) {}

    @Document("customer_merges")
    record CustomerMergesDocument(@Id String customerId, List<String> formerCustomerIds) {}

    static final String KEYS = "backfill/customer-phone-keys";

    private final MongoTemplate mongo;
    private final WallClock wallClock;

    MongoMasterCustomers(MongoTemplate mongo, WallClock wallClock) {
        this.mongo = mongo;
        this.wallClock = wallClock;
    }

    @Override
    public Optional<MasterCustomer> find(String customerId) {
        return Optional.ofNullable(mongo.findById(customerId, MasterCustomerDocument.class))
                .map(MasterCustomerDocument::customer);
    }

    /**
     * New phone keys before the entry, dropped ones after it: a crash in between leaves at most a stale key
     * (checked on read), never an entry whose phone does not find it; a redelivery finds the entry stored
     * and would not write the keys again.
     */
    @Override
    public void put(MasterCustomer customer, Optional<MasterCustomer> stored) {
        var id = customer.customerId();
        var before = stored.map(MongoMasterCustomers::phoneKeys).orElse(Set.of());
        var after = phoneKeys(customer);
        for (var key : after) {
            if (!before.contains(key)) {
                mongo.upsert(
                        query(where("_id").is(key)),
                        new Update().addToSet("customerIds", id),
                        CustomerPhoneDocument.class);
            }
        }
        mongo.save(new MasterCustomerDocument(id, customer));
        for (var key : before) {
            if (!after.contains(key)) {
                mongo.updateFirst(
                        query(where("_id").is(key)), new Update().pull("customerIds", id), CustomerPhoneDocument.class);
            }
        }
    }

    @Override
    public List<MasterCustomer> withPhone(String phone) {
        var key = PhoneKeys.of(phone);
        var keyed = key == null ? null : mongo.findById(key, CustomerPhoneDocument.class);
        if (keyed == null || keyed.customerIds() == null) {
            return List.of();
        }
        return keyed.customerIds().stream()
                .limit(MAX_BY_PHONE)
                .map(this::find)
                .flatMap(Optional::stream)
                .filter(c -> phoneKeys(c).contains(key))
                .toList();
    }

    @Override
    public void addFormer(String customerId, String formerCustomerId) {
        mongo.upsert(
                query(where("_id").is(customerId)),
                new Update().addToSet("formerCustomerIds", formerCustomerId),
                CustomerMergesDocument.class);
    }

    @Override
    public List<String> formerIdsOf(String customerId) {
        var merges = mongo.findById(customerId, CustomerMergesDocument.class);
        return merges == null || merges.formerCustomerIds() == null ? List.of() : merges.formerCustomerIds();
    }

    /**
     * Customers stored before their phones and merges were keyed get their keys once, marked done in
     * {@value MongoMachineArchive#DONE} (a consumer may key a customer before this runs). Adding a key twice
     * changes nothing, so a run cut short is done again at the next start.
     */
    @EventListener(ApplicationReadyEvent.class)
    void keyEarlierCustomers() {
        if (mongo.exists(query(where("_id").is(KEYS)), MongoMachineArchive.DONE)) {
            return;
        }
        try (var entries = mongo.stream(new Query(), MasterCustomerDocument.class)) {
            entries.map(MasterCustomerDocument::customer)
                    .filter(Objects::nonNull)
                    .forEach(customer -> {
                        for (var key : phoneKeys(customer)) {
                            mongo.upsert(
                                    query(where("_id").is(key)),
                                    new Update().addToSet("customerIds", customer.customerId()),
                                    CustomerPhoneDocument.class);
                        }
                        if (customer.mergedInto() != null) {
                            addFormer(customer.mergedInto(), customer.customerId());
                        }
                    });
        }
        mongo.upsert(
                query(where("_id").is(KEYS)),
                new Update().set("doneAt", wallClock.instant()),
                MongoMachineArchive.DONE);
    }

    /** The keys of a customer the lookup may find: none once erased or merged into another. */
    private static Set<String> phoneKeys(MasterCustomer customer) {
        if (customer.erased() || customer.mergedInto() != null) {
            return Set.of();
        }
        var keys = new LinkedHashSet<String>();
        customer.phones().stream().map(PhoneKeys::of).filter(Objects::nonNull).forEach(keys::add);
        return keys;
    }
}
