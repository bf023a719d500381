package dev.aftersales.intake.complaint.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.time.WallClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Cases stored before the case search have no {@code phoneKeys} (nor {@code phoneLast4}) until they
 * are saved again, so a search by phone would not find them. At start, one instance (the holder of
 * the lease {@value #LEASE}) keys them in one pass read {@value #BATCH} at a time. Idempotent:
 * only a case still without keys is written, and only its search fields (a save meanwhile writes the
 * same keys), so a run cut short is finished by the next start; a finished one is marked in {@value
 * #DONE}, and later starts do not look again.
 */
@Component
class CasePhoneKeysBackfill {

    static final String LEASE = "backfill/case-phone-keys";
    static final int BATCH = 500;
    /** One document per one-off data change that is done: {@code _id} its name, {@code doneAt}. */
    static final String DONE = "migrations";

    private static final Logger log = LoggerFactory.getLogger(CasePhoneKeysBackfill.class);

    private final MongoTemplate mongo;
    private final Leases leases;
    private final WallClock wallClock;

    CasePhoneKeysBackfill(MongoTemplate mongo, Leases leases, WallClock wallClock) {
        this.mongo = mongo;
        this.leases = leases;
        this.wallClock = wallClock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (mongo.exists(query(where("_id").is(LEASE)), DONE)) {
            return;
        }
        var lease = leases.lease(LEASE);
        try {
            lease.runIfHeld(() -> {
                backfill();
                // every case saved from now on has its keys: no start needs to look again
                mongo.upsert(query(where("_id").is(LEASE)), new Update().set("doneAt", wallClock.instant()), DONE);
            });
        } finally {
            lease.release();
        }
    }

    /** @return how many cases got their keys */
    int backfill() {
        int keyed = 0;
        int read = 0;
        // one pass over every case, fetched BATCH at a time (a plain scan: the cases without keys are
        // those stored before the search, and no index tells them apart)
        try (var cases = mongo.stream(new Query().cursorBatchSize(BATCH), ComplaintDocument.class)) {
            for (var stored : (Iterable<ComplaintDocument>) cases::iterator) {
                if (stored.phoneKeys() == null && stored.complaint() != null) {
                    keyed += key(stored);
                }
                if (++read % BATCH == 0) {
                    // the lease lasts while the work goes on: another instance must not start it too
                    leases.lease(LEASE).acquire();
                }
            }
        }
        if (keyed > 0) {
            log.info("keyed the phones of {} cases stored before the case search", keyed);
        }
        return keyed;
    }

    private int key(ComplaintDocument stored) {
        var keyed = ComplaintDocument.of(stored.toComplaint());
        var written = mongo.updateFirst(
                query(where("_id").is(stored.id()).and("phoneKeys").exists(false)),
                new Update().set("phoneKeys", keyed.phoneKeys()).set("phoneLast4", keyed.phoneLast4()),
                ComplaintDocument.class);
        return (int) written.getModifiedCount();
    }
}
