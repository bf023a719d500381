package dev.aftersales.intake.caller.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.intake.caller.application.FollowCustomerMaster;
import dev.aftersales.intake.caller.domain.InstalledMachine;
import dev.aftersales.intake.caller.domain.MasterCustomer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A store written before the lookup read the master's phones gets their keys at the first start that finds none. */
@ServiceSliceTest
class MasterKeysBackfillTest {

    @Autowired
    MongoMasterCustomers customers;

    @Autowired
    MongoMachineArchive archive;

    @Autowired
    FollowCustomerMaster master;

    @Autowired
    MongoTemplate mongo;

    @Test
    void customers_merges_and_machines_stored_before_their_keys_are_keyed_at_start() {
        var survivorId = "CU-BF-" + UUID.randomUUID();
        var mergedId = survivorId + "-M";
        var serial = "BF-" + UUID.randomUUID().toString().substring(0, 8);
        var phone = "137"
                + String.format(Locale.ROOT, "%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        customers.put(new MasterCustomer(survivorId, "回填测试", List.of("+86" + phone), null, true, null, false, 1));
        customers.put(new MasterCustomer(mergedId, null, null, null, true, survivorId, false, 1));
        archive.put(new InstalledMachine(
                serial,
                "RO-400",
                "RO",
                mergedId,
                "回填测试",
                "13900000000",
                null,
                null,
                "D-SH",
                null,
                LocalDate.parse("2024-05-03"),
                null,
                null,
                0));
        // as a store looks before the keys existed
        for (var keys : List.of("customer_phones", "customer_merges", "customer_machines")) {
            mongo.dropCollection(keys);
        }
        mongo.remove(
                query(where("_id").in(MongoMasterCustomers.KEYS, MongoMachineArchive.CUSTOMER_KEYS)),
                MongoMachineArchive.DONE);
        assertThat(master.customerIdsWithPhone(phone)).isEmpty();

        customers.keyEarlierCustomers();
        archive.keyEarlierEntries();

        assertThat(master.customerIdsWithPhone(phone.substring(0, 3) + "-" + phone.substring(3)))
                .containsExactly(survivorId, mergedId);
        assertThat(archive.byCustomer(mergedId))
                .extracting(InstalledMachine::serialNumber)
                .containsExactly(serial);

        mongo.dropCollection("customer_phones");
        customers.keyEarlierCustomers();
        assertThat(master.customerIdsWithPhone(phone))
                .as("a one-off: once done, later starts do not look again")
                .isEmpty();
        mongo.remove(query(where("_id").is(MongoMasterCustomers.KEYS)), MongoMachineArchive.DONE);
        customers.keyEarlierCustomers(); // the keys back for the test classes after this one
    }
}
