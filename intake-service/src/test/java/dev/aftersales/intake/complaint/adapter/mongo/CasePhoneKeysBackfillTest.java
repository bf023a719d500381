package dev.aftersales.intake.complaint.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintForm;
import dev.aftersales.intake.complaint.domain.Complaints;
import dev.aftersales.intake.complaint.domain.Customer;
import dev.aftersales.intake.complaint.domain.Machine;
import dev.aftersales.intake.complaint.domain.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

@ServiceSliceTest
class CasePhoneKeysBackfillTest {

    @Autowired
    Complaints complaints;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CasePhoneKeysBackfill backfill;

    @Autowired
    WallClock wallClock;

    @Test
    void cases_stored_before_the_case_search_get_their_phone_keys_once_at_start_by_one_instance() {
        var phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        var ids = new ArrayList<String>();
        for (var i = 0; i < 3; i++) {
            var id = "C-BACKFILL-" + UUID.randomUUID();
            complaints.add(Complaint.register(
                    id,
                    new ComplaintForm(
                            new Customer("王芳", List.of(phone), "上海", "310115"),
                            new Machine("WP-" + UUID.randomUUID(), "RO-400", null, null, null),
                            null,
                            ComplaintKind.REPAIR,
                            Channel.HOTLINE,
                            "漏水",
                            null),
                    "agent-1",
                    Instant.now(),
                    SlaPolicy.DEFAULT));
            ids.add(id);
        }
        // as a case stored before the case search looks
        mongo.updateMulti(
                query(where("_id").in(ids)), new Update().unset("phoneKeys").unset("phoneLast4"), "complaints");
        // this context's start did the backfill already: as at the first start after the search came
        mongo.remove(query(where("_id").is(CasePhoneKeysBackfill.LEASE)), CasePhoneKeysBackfill.DONE);

        var otherInstance = new Leases(mongo, "another-instance", Duration.ofMinutes(1), wallClock)
                .lease(CasePhoneKeysBackfill.LEASE);
        assertThat(otherInstance.acquire()).isTrue();
        backfill.atStart();
        assertThat(ids)
                .as("left to the instance holding the lease")
                .allSatisfy(id -> assertThat(stored(id).get("phoneKeys")).isNull());
        otherInstance.release();

        backfill.atStart();

        for (var id : ids) {
            var keyed = stored(id);
            assertThat(keyed.getList("phoneKeys", String.class)).containsExactly("+86" + phone);
            assertThat(keyed.getList("phoneLast4", String.class)).containsExactly(phone.substring(7));
        }
        assertThat(backfill.backfill()).as("a second run finds nothing to key").isZero();

        mongo.updateFirst(query(where("_id").is(ids.get(0))), new Update().unset("phoneKeys"), "complaints");
        backfill.atStart();
        assertThat(stored(ids.get(0)).get("phoneKeys"))
                .as("a one-off: once done, later starts do not look again")
                .isNull();
    }

    private Document stored(String id) {
        return mongo.findOne(query(where("_id").is(id)), Document.class, "complaints");
    }
}
