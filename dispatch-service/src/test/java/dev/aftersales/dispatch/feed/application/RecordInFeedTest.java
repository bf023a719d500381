package dev.aftersales.dispatch.feed.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.dispatch.feed.domain.FeedEntry;
import dev.aftersales.dispatch.feed.domain.TechnicianFeed;
import dev.aftersales.dispatch.feed.domain.TechnicianFeeds;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

class RecordInFeedTest {

    static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");

    /** A store whose next saves fail as if another entry had landed first. */
    static class ClashingFeeds implements TechnicianFeeds {
        final Map<String, TechnicianFeed> byTechnician = new HashMap<>();
        int clashesLeft;
        int saves;

        @Override
        public Optional<TechnicianFeed> byTechnician(String technicianId) {
            var stored = byTechnician.get(technicianId);
            return Optional.ofNullable(stored).map(f -> new TechnicianFeed(f.technicianId(), f.entries(), f.version()));
        }

        @Override
        public void save(TechnicianFeed feed) {
            saves++;
            if (clashesLeft > 0) {
                clashesLeft--;
                throw new OptimisticLockingFailureException("feed of " + feed.technicianId() + " changed meanwhile");
            }
            var version = feed.version() == null ? 0 : feed.version() + 1;
            byTechnician.put(feed.technicianId(), new TechnicianFeed(feed.technicianId(), feed.entries(), version));
        }
    }

    final ClashingFeeds feeds = new ClashingFeeds();
    final RecordInFeed recordInFeed = new RecordInFeed(feeds);

    static ReceivedEvent<TechnicianAssigned> assigned(String eventId, String complaintId) {
        return new ReceivedEvent<>(
                eventId,
                "aftersales.dispatch.TechnicianAssigned.v1",
                "/aftersales/dispatch",
                complaintId,
                AT,
                new TechnicianAssigned(
                        "ASG-" + complaintId, complaintId, "T-001", "D-SH", AssignmentRule.ORIGINAL_INSTALLER, "", AT));
    }

    @Test
    void an_entry_that_clashes_with_another_is_appended_on_a_fresh_read() {
        feeds.clashesLeft = 4;

        recordInFeed.assigned(assigned("e-1", "C-1"));

        assertThat(feeds.byTechnician("T-001").orElseThrow().entries())
                .extracting(FeedEntry::assignmentId)
                .containsExactly("ASG-C-1");
        assertThat(feeds.saves).isEqualTo(5);
    }

    @Test
    void after_five_clashes_the_failure_goes_back_to_the_broker_for_a_later_retry() {
        feeds.clashesLeft = 5;

        assertThatThrownBy(() -> recordInFeed.assigned(assigned("e-1", "C-1")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(feeds.byTechnician("T-001")).isEmpty();
    }

    @Test
    void a_redelivered_event_adds_no_second_entry() {
        recordInFeed.assigned(assigned("e-1", "C-1"));
        recordInFeed.assigned(assigned("e-1", "C-1"));

        assertThat(feeds.byTechnician("T-001").orElseThrow().entries()).hasSize(1);
        assertThat(feeds.saves).isEqualTo(1);
    }
}
