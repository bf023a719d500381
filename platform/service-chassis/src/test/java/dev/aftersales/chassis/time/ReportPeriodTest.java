package dev.aftersales.chassis.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.application.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-11-30 in Shanghai (01:00 there). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T17:00:00Z"), SHANGHAI);

    @Test
    void without_dates_a_report_covers_the_last_30_business_days_up_to_today() {
        var period = ReportPeriod.of(null, null, CLOCK, SHANGHAI);

        assertThat(period.from()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(period.to()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(period.start()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(period.covers(Instant.parse("2026-11-30T15:59:59Z"))).isTrue();
        assertThat(period.covers(Instant.parse("2026-11-30T16:00:00Z"))).isFalse();
    }

    @Test
    void both_days_count_and_a_period_is_at_most_366_days() {
        assertThat(ReportPeriod.of("2025-01-01", "2025-12-31", CLOCK, SHANGHAI).from())
                .isEqualTo(LocalDate.parse("2025-01-01"));
        assertThat(ReportPeriod.of("2024-01-01", "2024-12-31", CLOCK, SHANGHAI).to())
                .isEqualTo(LocalDate.parse("2024-12-31"));
        assertThatThrownBy(() -> ReportPeriod.of("2024-01-01", "2025-01-01", CLOCK, SHANGHAI))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("to"));
    }

    @Test
    void a_bad_or_reversed_date_is_refused_naming_its_parameter() {
        for (var bad : new String[] {"yesterday", "2026-13-01", "+999999999-01-01", "1800-01-01"}) {
            assertThatThrownBy(() -> ReportPeriod.of(bad, null, CLOCK, SHANGHAI))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidRequestException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("from"));
        }
        assertThatThrownBy(() -> ReportPeriod.of("2026-11-02", "2026-11-01", CLOCK, SHANGHAI))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("from"));
    }
}
