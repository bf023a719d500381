package dev.aftersales.chassis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.test.EmbeddedMongo;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.time.WallClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * Two instances exporting a backlog counted from the store: only the lease holder counts and exports
 * it, so the sum over instances is the backlog whether one or two instances run; when the holder
 * dies the other exports it after the lease expires.
 */
class DatabaseGaugesTest {

    final MutableClock time = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    final MongoTemplate mongo =
            new MongoTemplate(new SimpleMongoClientDatabaseFactory(EmbeddedMongo.uri("database-gauges-test")));
    final AtomicLong backlogInStore = new AtomicLong(42);

    /** One instance: its registry, its backlog gauge and the counts it made. */
    final class Instance {
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final AtomicLong backlog = new AtomicLong();
        final AtomicLong counts = new AtomicLong();
        final DatabaseGauges gauges;
        final MultiGauge perDealer;

        Instance(String id) {
            gauges = DatabaseGauges.of(meters, new Leases(mongo, id, Duration.ofSeconds(30), WallClock.of(time)));
            gauges.gauge(Gauge.builder("aftersales.intake.cases.unanswered", backlog, AtomicLong::get));
            perDealer = gauges.multiGauge(MultiGauge.builder("aftersales.parts.backorders.waiting"));
        }

        void refresh() {
            gauges.refresh(() -> {
                counts.incrementAndGet();
                backlog.set(backlogInStore.get());
                perDealer.register(List.of(MultiGauge.Row.of(Tags.of("dealer", "D-SH"), backlogInStore.get())), true);
            });
        }

        double exported(String name) {
            return meters.find(name).gauges().stream().mapToDouble(Gauge::value).sum();
        }
    }

    @BeforeEach
    void noLeases() {
        mongo.getCollection(Leases.COLLECTION).deleteMany(new org.bson.Document());
    }

    /** What the dashboard shows: the sum over the instances' series, as {@code sum(...)} in PromQL. */
    static double summed(String name, Instance... instances) {
        double sum = 0;
        for (var instance : instances) {
            sum += instance.exported(name);
        }
        return sum;
    }

    @Test
    void with_two_instances_only_the_holder_counts_and_the_sum_equals_the_one_instance_value() {
        var alone = new Instance("alone:1");
        alone.refresh();
        double oneInstance = summed("aftersales.intake.cases.unanswered", alone);
        mongo.getCollection(Leases.COLLECTION)
                .deleteMany(new org.bson.Document()); // the same data, now with two instances

        var a = new Instance("host-a:1");
        var b = new Instance("host-b:2");
        a.refresh();
        b.refresh();

        assertThat(oneInstance).isEqualTo(42);
        assertThat(summed("aftersales.intake.cases.unanswered", a, b)).isEqualTo(oneInstance);
        assertThat(summed("aftersales.parts.backorders.waiting", a, b)).isEqualTo(42);
        assertThat(b.meters.find("aftersales.intake.cases.unanswered").gauges()).isEmpty();
        assertThat(b.meters.find("aftersales.parts.backorders.waiting").gauges())
                .isEmpty();
        assertThat(b.counts).hasValue(0);
        assertThat(a.gauges.exported()).isTrue();
        assertThat(b.gauges.exported()).isFalse();
    }

    @Test
    void when_the_holder_dies_the_other_instance_exports_after_the_lease_expires() {
        var a = new Instance("host-a:1");
        var b = new Instance("host-b:2");
        a.refresh();
        b.refresh();
        backlogInStore.set(7);

        time.advance(Duration.ofSeconds(29)); // a is gone; its lease still runs
        b.refresh();
        assertThat(b.meters.find("aftersales.intake.cases.unanswered").gauges()).isEmpty();

        time.advance(Duration.ofSeconds(1));
        b.refresh();
        assertThat(b.exported("aftersales.intake.cases.unanswered")).isEqualTo(7);
        assertThat(b.exported("aftersales.parts.backorders.waiting")).isEqualTo(7);
    }
}
