package dev.aftersales.followup.returncall.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CallingHoursTest {

    static final CallingHours SHANGHAI =
            new CallingHours(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0), LocalTime.of(20, 0));

    @Test
    void a_time_within_calling_hours_stays() {
        var tenInShanghai = Instant.parse("2026-03-02T02:00:00Z");
        assertThat(SHANGHAI.earliestFrom(tenInShanghai)).isEqualTo(tenInShanghai);
    }

    @Test
    void early_in_the_morning_waits_for_nine_the_same_day_in_the_business_zone() {
        // 07:30 in Shanghai, though still the day before in UTC.
        assertThat(SHANGHAI.earliestFrom(Instant.parse("2026-03-01T23:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));
    }

    @Test
    void in_the_evening_waits_for_nine_the_next_day() {
        // 20:00 in Shanghai is over: 09:00 the next morning.
        assertThat(SHANGHAI.earliestFrom(Instant.parse("2026-03-02T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T01:00:00Z"));
    }

    @Test
    void an_unanswered_evening_try_is_tried_again_within_calling_hours() {
        var policy = new RetryPolicy(3, Duration.ofDays(2), SHANGHAI);
        // 19:30 in Shanghai + 1 day = 19:30 the next day: still in calling hours.
        assertThat(policy.nextTry(Instant.parse("2026-03-02T11:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T11:30:00Z"));
        var halfDays = new RetryPolicy(5, Duration.ofDays(2), SHANGHAI);
        // 19:30 + 12 h = 07:30: waits until 09:00.
        assertThat(halfDays.nextTry(Instant.parse("2026-03-02T11:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T01:00:00Z"));
    }

    @Test
    void calling_hours_must_start_before_they_end() {
        assertThatThrownBy(() -> new CallingHours(ZoneId.of("UTC"), LocalTime.of(20, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
