package dev.aftersales.chassis.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.EmbeddedMongo;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.time.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * Two instances of one service, each with its own id, sharing one store (the embedded one): a lease
 * is held by one of them at a time, and taken over by the other once the holder stops renewing it
 * and it expires.
 */
class LeaseTest {

    static final Duration TTL = Duration.ofSeconds(30);

    final MutableClock time = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    final MongoTemplate mongo =
            new MongoTemplate(new SimpleMongoClientDatabaseFactory(EmbeddedMongo.uri("lease-test")));
    final Leases a = new Leases(mongo, "host-a:1", TTL, WallClock.of(time));
    final Leases b = new Leases(mongo, "host-b:2", TTL, WallClock.of(time));

    @BeforeEach
    void noLeases() {
        mongo.getCollection(Leases.COLLECTION).deleteMany(new org.bson.Document());
    }

    String holder(String name) {
        var doc = mongo.getCollection(Leases.COLLECTION)
                .find(new Document("_id", name))
                .first();
        return doc == null ? null : doc.getString("holder");
    }

    @Test
    void the_first_instance_to_ask_holds_the_lease_and_the_other_does_not() {
        assertThat(a.lease("sweep/sla-clocks").acquire()).isTrue();
        assertThat(b.lease("sweep/sla-clocks").acquire()).isFalse();
        assertThat(holder("sweep/sla-clocks")).isEqualTo("host-a:1");
        assertThat(b.lease("sweep/sla-clocks").heldAtLastAcquire()).isFalse();
    }

    @Test
    void a_holder_that_keeps_renewing_keeps_the_lease_past_its_first_expiry() {
        var held = a.lease("outbox-sweep");
        held.acquire();
        for (int i = 0; i < 10; i++) {
            time.advance(Duration.ofSeconds(10));
            assertThat(held.acquire()).isTrue();
            assertThat(b.lease("outbox-sweep").acquire()).isFalse();
        }
        assertThat(holder("outbox-sweep")).isEqualTo("host-a:1");
    }

    @Test
    void when_the_holder_stops_renewing_the_other_instance_takes_over_after_expiry_and_only_then() {
        assertThat(a.lease("database-gauges").acquire()).isTrue();
        // a dies: it renews no more
        time.advance(TTL.minusSeconds(1));
        assertThat(b.lease("database-gauges").acquire()).isFalse();
        time.advance(Duration.ofSeconds(1));
        assertThat(b.lease("database-gauges").acquire()).isTrue();
        assertThat(holder("database-gauges")).isEqualTo("host-b:2");
        // a comes back (a pause, not a death): it does not get the lease back while b renews
        assertThat(a.lease("database-gauges").acquire()).isFalse();
        var doc = mongo.getCollection(Leases.COLLECTION)
                .find(new Document("_id", "database-gauges"))
                .first();
        assertThat(doc.getDate("expiresAt")).isEqualTo(Date.from(time.instant().plus(TTL)));
    }

    @Test
    void a_lease_handed_back_on_a_clean_stop_is_taken_at_once() {
        a.lease("sweep/care-tasks").acquire();
        a.releaseAll();
        assertThat(b.lease("sweep/care-tasks").acquire()).isTrue();
        assertThat(a.lease("sweep/care-tasks").acquire()).isFalse();
    }

    @Test
    void leases_of_different_names_are_independent() {
        assertThat(a.lease("sweep/sla-clocks").acquire()).isTrue();
        assertThat(b.lease("sweep/overdue-actions").acquire()).isTrue();
        assertThat(a.lease("sweep/overdue-actions").acquire()).isFalse();
    }

    @Test
    void of_many_instances_racing_for_a_free_lease_exactly_one_holds_it() throws Exception {
        var instances = new ArrayList<Leases>();
        for (int i = 0; i < 8; i++) {
            instances.add(new Leases(mongo, "host-" + i + ":" + i, TTL, WallClock.of(time)));
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tries = new ArrayList<Callable<Boolean>>();
            instances.forEach(
                    l -> tries.add(() -> l.lease("sweep/offer-timeouts").acquire()));
            var holders = pool.invokeAll(tries).stream()
                    .filter(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .count();
            assertThat(holders).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void run_if_held_runs_the_work_on_the_holder_only() {
        var ran = new ArrayList<String>();
        a.lease("sweep/reservation-expiry").runIfHeld(() -> ran.add("a"));
        b.lease("sweep/reservation-expiry").runIfHeld(() -> ran.add("b"));
        assertThat(ran).containsExactly("a");
    }
}
