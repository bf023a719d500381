package dev.aftersales.dispatch.assignment.application;

import static dev.aftersales.dispatch.assignment.application.AssignTechnicianTest.delivery;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.installation;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.dispatch.DefaultDispatchProperties;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.InMemoryInstallations;
import dev.aftersales.dispatch.archive.domain.InMemoryServicePoints;
import dev.aftersales.dispatch.archive.domain.InMemoryTechnicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentPolicy;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.InMemoryAssignments;
import dev.aftersales.dispatch.assignment.domain.InMemoryKnownCases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Offline batches: applied once, in the order the changes were made, whatever order and however often sent. */
class OfflineUpdatesTest {

    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant RECEIVED = T0.plus(Duration.ofHours(40));

    /** A fresh service with one case offered to T-001. */
    static final class World {
        final InMemoryAssignments assignments = new InMemoryAssignments();
        final InMemoryInstallations installations = new InMemoryInstallations();
        final InMemoryTechnicians technicians = new InMemoryTechnicians();
        final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:05Z"));
        final DispatchProperties properties = DefaultDispatchProperties.get();
        final AssignmentPolicy policy = new AssignmentPolicy(installations, technicians, new InMemoryServicePoints());
        final ApplyOfflineUpdates apply =
                new ApplyOfflineUpdates(assignments, new OwnAssignments(assignments), technicians, properties, clock);

        World() {
            installations.add(installation("WP-0001", "D-SH", "T-001"));
            technicians.upsert(technician("T-001", "D-SH", true, 0));
            new AssignTechnician(
                            assignments,
                            new InMemoryKnownCases(),
                            policy,
                            technicians,
                            clock,
                            new AssignmentMetrics(new SimpleMeterRegistry()),
                            properties)
                    .assign(delivery("e-1", registered("C-1", "WP-0001")));
            // the phone comes back online after the batch's last change
            clock.set(RECEIVED);
        }

        Assignment assignment() {
            return assignments.byId("ASG-C-1").orElseThrow();
        }

        /** What an observer can tell apart: state and the events raised, in order. */
        List<Object> state() {
            var a = assignment();
            return List.of(
                    a.status(),
                    String.valueOf(a.acceptedAt()),
                    String.valueOf(a.appointment()),
                    String.valueOf(a.arrivedAt()),
                    a.parts(),
                    String.valueOf(a.visit()),
                    Outbox.of(a.events()).pending().stream().map(e -> e.type()).toList(),
                    technicians.loadOf("T-001"));
        }
    }

    static List<OfflineUpdate> batch() {
        var windowStart = T0.plus(Duration.ofHours(5));
        return List.of(
                update("u-1", 0, "ACCEPT"),
                appointment("u-2", 1, windowStart),
                appointment("u-3", 2, windowStart.plus(Duration.ofHours(24))),
                update("u-4", 30, "ARRIVE"),
                new OfflineUpdate(
                        "u-5",
                        T0.plus(Duration.ofHours(31)),
                        "ASG-C-1",
                        "PARTS_REQUEST",
                        null,
                        null,
                        "FLT-RO-01",
                        1,
                        null,
                        null,
                        null,
                        null,
                        null),
                new OfflineUpdate(
                        "u-6",
                        T0.plus(Duration.ofHours(32)),
                        "ASG-C-1",
                        "COMPLETE",
                        null,
                        null,
                        null,
                        null,
                        "RO膜破损",
                        "水压过高",
                        List.of(),
                        BigDecimal.ZERO,
                        true));
    }

    static OfflineUpdate update(String clientId, int hours, String type) {
        return new OfflineUpdate(
                clientId,
                T0.plus(Duration.ofHours(hours)),
                "ASG-C-1",
                type,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static OfflineUpdate appointment(String clientId, int hours, Instant start) {
        return new OfflineUpdate(
                clientId,
                T0.plus(Duration.ofHours(hours)),
                "ASG-C-1",
                "APPOINTMENT",
                start,
                start.plus(Duration.ofHours(2)),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void a_batch_applies_every_update_in_the_order_made() {
        var world = new World();

        var results = world.apply.apply("T-001", batch());

        assertThat(results)
                .extracting(ApplyOfflineUpdates.Result::outcome)
                .containsOnly(ApplyOfflineUpdates.Outcome.APPLIED);
        var a = world.assignment();
        assertThat(a.status()).isEqualTo(AssignmentStatus.COMPLETED);
        assertThat(a.acceptedAt()).isEqualTo(T0);
        assertThat(a.arrivedAt()).isEqualTo(T0.plus(Duration.ofHours(30)));
        assertThat(a.parts())
                .singleElement()
                .satisfies(p -> assertThat(p.requestId()).isEqualTo("u-5"));
        assertThat(world.technicians.loadOf("T-001")).isZero();
    }

    @Test
    void replayed_twice_and_in_shuffled_order_the_batch_ends_in_the_same_state_as_sent_once_in_order() {
        var inOrder = new World();
        inOrder.apply.apply("T-001", batch());

        var random = new Random(42);
        for (int trial = 0; trial < 5; trial++) {
            var shuffled = new World();
            var first = new ArrayList<>(batch());
            Collections.shuffle(first, random);
            var second = new ArrayList<>(batch());
            Collections.shuffle(second, random);

            shuffled.apply.apply("T-001", first);
            var replay = shuffled.apply.apply("T-001", second);

            assertThat(replay)
                    .extracting(ApplyOfflineUpdates.Result::outcome)
                    .containsOnly(ApplyOfflineUpdates.Outcome.DUPLICATE);
            assertThat(shuffled.state()).isEqualTo(inOrder.state());
        }
    }

    @Test
    void a_batch_split_in_two_and_overlapping_applies_each_update_once() {
        var inOrder = new World();
        inOrder.apply.apply("T-001", batch());

        var split = new World();
        split.apply.apply("T-001", batch().subList(0, 4));
        split.apply.apply("T-001", batch().subList(2, 6));

        assertThat(split.state()).isEqualTo(inOrder.state());
    }

    @Test
    void updates_for_someone_elses_assignment_are_rejected() {
        var world = new World();

        var results = world.apply.apply("T-999", batch());

        assertThat(results)
                .extracting(ApplyOfflineUpdates.Result::outcome)
                .containsOnly(ApplyOfflineUpdates.Outcome.REJECTED);
        assertThat(world.assignment().accepted()).isFalse();
    }

    @Test
    void an_update_claimed_more_than_five_minutes_ahead_of_the_server_is_refused_alone_and_the_rest_applies() {
        var world = new World();
        var ahead = new OfflineUpdate(
                "u-ahead",
                RECEIVED.plus(Duration.ofMinutes(6)),
                "ASG-C-1",
                "ARRIVE",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        var results = world.apply.apply("T-001", List.of(update("u-1", 0, "ACCEPT"), ahead));

        assertThat(results)
                .extracting(ApplyOfflineUpdates.Result::clientId, ApplyOfflineUpdates.Result::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("u-1", ApplyOfflineUpdates.Outcome.APPLIED),
                        org.assertj.core.groups.Tuple.tuple("u-ahead", ApplyOfflineUpdates.Outcome.REJECTED));
        assertThat(results.get(1).reason()).contains("ahead of the server's time");
        assertThat(results.get(1).claimedAt()).isEqualTo(RECEIVED.plus(Duration.ofMinutes(6)));
        assertThat(results.get(1).receivedAt()).isEqualTo(RECEIVED);
        assertThat(world.assignment().acceptedAt()).isEqualTo(T0);
        assertThat(world.assignment().arrivedAt()).isNull();

        // not spent: sent again with the phone's clock set right, it applies
        var fixed = world.apply.apply(
                "T-001",
                List.of(new OfflineUpdate(
                        "u-ahead",
                        RECEIVED.plus(Duration.ofMinutes(4)),
                        "ASG-C-1",
                        "ARRIVE",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
        assertThat(fixed.get(0).outcome()).isEqualTo(ApplyOfflineUpdates.Outcome.APPLIED);
    }

    @Test
    void an_update_claimed_before_the_assignment_was_made_is_refused_alone() {
        var world = new World();
        var before = new OfflineUpdate(
                "u-early",
                world.assignment().decidedAt().minusSeconds(1),
                "ASG-C-1",
                "ACCEPT",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        var results = world.apply.apply("T-001", List.of(before, update("u-4", 30, "ARRIVE")));

        assertThat(results.get(0).outcome()).isEqualTo(ApplyOfflineUpdates.Outcome.REJECTED);
        assertThat(results.get(0).reason()).contains("before the assignment was made");
        assertThat(results.get(1).outcome()).isEqualTo(ApplyOfflineUpdates.Outcome.APPLIED);
        assertThat(world.assignment().arrivedAt()).isEqualTo(T0.plus(Duration.ofHours(30)));
    }

    @Test
    void each_applied_update_keeps_the_phones_time_beside_the_servers_receive_time() {
        var world = new World();

        world.apply.apply("T-001", List.of(update("u-1", 0, "ACCEPT"), update("u-4", 30, "ARRIVE")));

        assertThat(world.assignment().offlineClaims())
                .containsExactly(
                        new dev.aftersales.dispatch.assignment.domain.OfflineClaim("u-1", "ACCEPT", T0, RECEIVED),
                        new dev.aftersales.dispatch.assignment.domain.OfflineClaim(
                                "u-4", "ARRIVE", T0.plus(Duration.ofHours(30)), RECEIVED));
    }
}
