package dev.aftersales.chassis.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.test.EmbeddedMongo;
import dev.aftersales.chassis.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Two instances schedule the same sweep: each run scans on the instance holding the sweep's lease
 * only; when that instance dies, the other scans once the lease has expired.
 */
class ScheduledSweepsTest {

    final MutableClock wall = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    final MongoTemplate mongo =
            new MongoTemplate(new SimpleMongoClientDatabaseFactory(EmbeddedMongo.uri("scheduled-sweeps-test")));

    /** A sweep that counts its scans, scheduled every 10 s. */
    static final class CountingSweep implements Sweep {
        final AtomicInteger scans = new AtomicInteger();

        @Override
        public String name() {
            return "sla-clocks";
        }

        @Override
        public int runDue(Instant now) {
            scans.incrementAndGet();
            return 0;
        }

        @Override
        public Optional<Instant> nextDueAt() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> every() {
            return Optional.of(Duration.ofSeconds(10));
        }
    }

    /** One instance's scheduled run of the sweep, as the scheduler would call it. */
    Runnable scheduledRun(String instanceId, Sweep sweep) {
        var leases = new Leases(mongo, instanceId, Duration.ofSeconds(30), WallClock.of(wall));
        var registrar = new ScheduledTaskRegistrar();
        new ScheduledSweeps(List.of(sweep), leases, wall).configureTasks(registrar);
        assertThat(registrar.getFixedDelayTaskList()).hasSize(1);
        return registrar.getFixedDelayTaskList().get(0).getRunnable();
    }

    @BeforeEach
    void noLeases() {
        mongo.getCollection(Leases.COLLECTION).deleteMany(new Document());
    }

    @Test
    void of_two_instances_only_the_lease_holder_scans_and_the_other_takes_over_after_the_holder_died() {
        var onA = new CountingSweep();
        var onB = new CountingSweep();
        var a = scheduledRun("host-a:1", onA);
        var b = scheduledRun("host-b:2", onB);

        for (int i = 0; i < 3; i++) {
            a.run();
            b.run();
            wall.advance(Duration.ofSeconds(10));
        }
        assertThat(onA.scans).hasValue(3);
        assertThat(onB.scans).hasValue(0);

        // a dies after its run at 12:00:20, which renewed the lease until 12:00:50
        b.run();
        wall.advance(Duration.ofSeconds(19));
        b.run();
        assertThat(onB.scans).hasValue(0);
        wall.advance(Duration.ofSeconds(1));
        b.run();
        assertThat(onB.scans).hasValue(1);
    }

    @Test
    void a_sweep_without_a_schedule_is_left_to_the_platform_clock() {
        var registrar = new ScheduledTaskRegistrar();
        Sweep unscheduled = new Sweep() {
            @Override
            public String name() {
                return "clock-only";
            }

            @Override
            public int runDue(Instant now) {
                return 0;
            }

            @Override
            public Optional<Instant> nextDueAt() {
                return Optional.empty();
            }
        };
        new ScheduledSweeps(
                        List.of(unscheduled),
                        new Leases(mongo, "host-a:1", Duration.ofSeconds(30), WallClock.of(wall)),
                        wall)
                .configureTasks(registrar);
        assertThat(registrar.getFixedDelayTaskList()).isEmpty();
    }
}
