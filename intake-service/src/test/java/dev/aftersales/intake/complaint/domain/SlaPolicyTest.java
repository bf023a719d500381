package dev.aftersales.intake.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    static final Instant REGISTERED = Instant.parse("2026-01-15T02:00:00Z");

    @Test
    void the_default_promises_an_answer_in_4_hours_a_visit_in_24_hours_and_resolution_in_30_days() {
        var deadlines = SlaPolicy.DEFAULT.deadlinesFrom(REGISTERED);

        assertThat(deadlines.firstAnswerDue()).isEqualTo("2026-01-15T06:00:00Z");
        assertThat(deadlines.onSiteDue()).isEqualTo("2026-01-16T02:00:00Z");
        assertThat(deadlines.resolutionDue()).isEqualTo("2026-02-14T02:00:00Z");
    }

    @Test
    void deadlines_follow_a_configured_policy() {
        var faster = new SlaPolicy(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(7));

        var deadlines = faster.deadlinesFrom(REGISTERED);

        assertThat(deadlines.firstAnswerDue()).isEqualTo("2026-01-15T03:00:00Z");
        assertThat(deadlines.onSiteDue()).isEqualTo("2026-01-15T08:00:00Z");
        assertThat(deadlines.resolutionDue()).isEqualTo("2026-01-22T02:00:00Z");
    }

    @Test
    void deadlines_count_elapsed_time_across_nights_and_month_ends() {
        var lateNight = Instant.parse("2026-01-31T22:30:00Z");

        var deadlines = SlaPolicy.DEFAULT.deadlinesFrom(lateNight);

        assertThat(deadlines.firstAnswerDue()).isEqualTo("2026-02-01T02:30:00Z");
        assertThat(deadlines.onSiteDue()).isEqualTo("2026-02-01T22:30:00Z");
        assertThat(deadlines.resolutionDue()).isEqualTo("2026-03-02T22:30:00Z");
    }

    @Test
    void refuses_a_promise_of_zero_or_negative_time() {
        assertThatThrownBy(() -> new SlaPolicy(Duration.ZERO, Duration.ofHours(24), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstAnswer");
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(4), Duration.ofHours(-1), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onSite");
    }
}
