package dev.aftersales.chassis.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.test.EmbeddedMongo;
import dev.aftersales.chassis.time.Sweep;
import dev.aftersales.chassis.time.Sweeps;
import dev.aftersales.chassis.time.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * The platform clock over the real (embedded) store with two services following it: an advance
 * steps through every due time in order, chains included, each due item is acted on once, and
 * every service applies the target before the advance returns.
 */
class PlatformClockTest {

    private final WallClock wall = WallClock.system();
    private final SimpleMongoClientDatabaseFactory databases =
            new SimpleMongoClientDatabaseFactory(EmbeddedMongo.uri("platform-clock-test"));
    private final List<PlatformClockFollower> followers = new ArrayList<>();
    private PlatformClockStore store;

    @BeforeEach
    void emptyClock() {
        databases.getMongoDatabase(PlatformClockStore.DATABASE).drop();
        store = new PlatformClockStore(databases);
    }

    @AfterEach
    void stopFollowers() {
        followers.forEach(PlatformClockFollower::stop);
    }

    /** Offers that time out 15 minutes after they were made, each making the next offer, three in all. */
    static final class OfferChain implements Sweep {
        final TreeSet<Instant> due = new TreeSet<>();
        final List<Instant> ranAt = new CopyOnWriteArrayList<>();
        final List<Instant> dueWhenRun = new CopyOnWriteArrayList<>();
        int offersLeft = 2;

        @Override
        public String name() {
            return "offer-timeouts";
        }

        @Override
        public synchronized int runDue(Instant now) {
            int acted = 0;
            while (!due.isEmpty() && !due.first().isAfter(now)) {
                dueWhenRun.add(due.pollFirst());
                ranAt.add(now);
                acted++;
                if (offersLeft-- > 0) {
                    due.add(now.plus(Duration.ofMinutes(15)));
                }
            }
            return acted;
        }

        @Override
        public synchronized Optional<Instant> nextDueAt() {
            return due.isEmpty() ? Optional.empty() : Optional.of(due.first());
        }
    }

    private PlatformClock follow(String service, Sweep... sweeps) {
        var clock = new PlatformClock(wall);
        var follower = new PlatformClockFollower(service, clock, store, new Sweeps(List.of(sweeps)), () -> true, wall);
        follower.start();
        followers.add(follower);
        return clock;
    }

    private AdvancePlatformClock advance(PlatformClock clock) {
        return new AdvancePlatformClock(
                store, clock, wall, Set.of("dispatch", "intake"), Duration.ofMinutes(1), Duration.ofSeconds(20), 100);
    }

    @Test
    void an_advance_acts_on_each_due_item_at_its_time_chains_included() {
        var offers = new OfferChain();
        var dispatch = follow("dispatch", offers);
        follow("intake");
        var start = dispatch.instant();
        offers.due.add(start.plus(Duration.ofMinutes(15)));

        var done = advance(dispatch).by(Duration.ofHours(2));

        assertThat(offers.dueWhenRun).hasSize(3);
        for (int i = 0; i < 3; i++) {
            // acted at its due time (plus the moments the steps took), not at the end of the advance
            assertThat(offers.ranAt.get(i))
                    .isAfterOrEqualTo(offers.dueWhenRun.get(i))
                    .isBefore(offers.dueWhenRun.get(i).plusSeconds(30));
        }
        assertThat(done.steps()).isGreaterThanOrEqualTo(4);
        assertThat(done.to()).isAfterOrEqualTo(start.plus(Duration.ofHours(2)));
        assertThat(store.reports())
                .extracting(PlatformClockStore.Report::service)
                .containsExactlyInAnyOrder("dispatch", "intake");
        assertThat(store.reports())
                .allSatisfy(r -> assertThat(r.appliedTime()).isAfterOrEqualTo(start.plus(Duration.ofHours(2))));
    }

    @Test
    void the_clock_never_goes_backwards() {
        var clock = follow("dispatch");
        follow("intake");
        var advance = advance(clock);

        assertThatThrownBy(() -> advance.to(clock.instant().minusSeconds(60), "to"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("forward");
        assertThatThrownBy(() -> advance.by(Duration.ofHours(-1))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> advance.by(Duration.ZERO)).isInstanceOf(InvalidRequestException.class);
        assertThat(clock.offset()).isEqualTo(Duration.ZERO);
    }

    @Test
    void a_service_started_later_learns_the_platform_time_before_it_is_ready() {
        var clock = follow("dispatch");
        follow("intake");
        advance(clock).by(Duration.ofDays(30));

        var restarted = new PlatformClock(wall);
        var follower = new PlatformClockFollower("dispatch", restarted, store, new Sweeps(List.of()), () -> true, wall);
        assertThat(follower.learned()).isFalse();
        follower.learn();

        assertThat(follower.learned()).isTrue();
        assertThat(restarted.offset()).isEqualTo(clock.offset());
        assertThat(restarted.instant()).isAfter(wall.instant().plus(Duration.ofDays(29)));
        assertThat(restarted.describe()).startsWith("platform ").endsWith("(+30d)");
    }
}
