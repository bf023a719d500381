package dev.aftersales.dispatch.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void leave_counts_its_first_and_last_day_in_the_business_time_zone() {
        var leave = new Availability(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-03"), null, null);

        // 2026-11-30T16:30Z is already 1 December 00:30 in Shanghai.
        assertThat(leave.unavailableAt(Instant.parse("2026-11-30T16:30:00Z"), SHANGHAI))
                .isEqualTo("on leave until 2026-12-03");
        assertThat(leave.unavailableAt(Instant.parse("2026-11-30T15:30:00Z"), SHANGHAI))
                .isNull();
        assertThat(leave.unavailableAt(Instant.parse("2026-12-03T15:59:00Z"), SHANGHAI))
                .isNotNull();
        assertThat(leave.unavailableAt(Instant.parse("2026-12-03T16:00:00Z"), SHANGHAI))
                .isNull();
    }

    @Test
    void working_hours_are_local_times_with_the_end_excluded() {
        var hours = new Availability(null, null, LocalTime.parse("08:30"), LocalTime.parse("18:00"));

        assertThat(hours.unavailableAt(Instant.parse("2026-12-01T00:30:00Z"), SHANGHAI))
                .isNull(); // 08:30 in Shanghai
        assertThat(hours.unavailableAt(Instant.parse("2026-12-01T00:29:00Z"), SHANGHAI))
                .isEqualTo("outside working hours (08:30–18:00)");
        assertThat(hours.unavailableAt(Instant.parse("2026-12-01T10:00:00Z"), SHANGHAI))
                .isNotNull(); // 18:00 in Shanghai
    }

    @Test
    void a_night_shift_runs_past_midnight() {
        var night = new Availability(null, null, LocalTime.parse("22:00"), LocalTime.parse("06:00"));

        assertThat(night.unavailableAt(Instant.parse("2026-12-01T15:00:00Z"), SHANGHAI))
                .isNull(); // 23:00
        assertThat(night.unavailableAt(Instant.parse("2026-12-01T21:00:00Z"), SHANGHAI))
                .isNull(); // 05:00
        assertThat(night.unavailableAt(Instant.parse("2026-12-01T04:00:00Z"), SHANGHAI))
                .isNotNull(); // 12:00
    }

    @Test
    void without_leave_or_hours_a_technician_is_always_available() {
        assertThat(Availability.ALWAYS.unavailableAt(Instant.now(), SHANGHAI)).isNull();
    }
}
