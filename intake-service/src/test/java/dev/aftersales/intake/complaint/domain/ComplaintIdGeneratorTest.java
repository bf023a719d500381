package dev.aftersales.intake.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComplaintIdGeneratorTest {

    final ComplaintIdGenerator ids = new ComplaintIdGenerator(new Random(42));

    @Test
    void an_id_is_C_the_utc_date_and_twelve_crockford_base32_characters() {
        var id = ids.next(Instant.parse("2026-11-23T09:30:00.123Z"));

        assertThat(id).matches("C-20261123-[0-9A-HJKMNP-TV-Z]{12}");
    }

    @Test
    void ids_sort_by_registration_time() {
        var earlier = ids.next(Instant.parse("2026-11-23T09:30:00.123Z"));
        var aMillisecondLater = ids.next(Instant.parse("2026-11-23T09:30:00.124Z"));
        var nextDay = ids.next(Instant.parse("2026-11-24T00:00:00Z"));

        assertThat(earlier).isLessThan(aMillisecondLater);
        assertThat(aMillisecondLater).isLessThan(nextDay);
    }

    @Test
    void ids_of_the_same_millisecond_differ() {
        var at = Instant.parse("2026-11-23T09:30:00.123Z");
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.next(at));
        }
        assertThat(seen).hasSize(10_000);
    }
}
