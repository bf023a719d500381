package dev.aftersales.chassis.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;

class KeysetTest {

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void a_period_bounds_its_field_from_inclusive_to_exclusive() {
        var filter = Keyset.within(Criteria.where("dealerId").is("D-SH"), "at", FROM, TO);

        assertThat(filter.getCriteriaObject())
                .isEqualTo(new Document("dealerId", "D-SH").append("at", new Document("$gte", FROM).append("$lt", TO)));
    }

    @Test
    void a_period_bound_left_out_is_not_a_condition() {
        assertThat(Keyset.within(Criteria.where("dealerId").is("D-SH"), "at", null, TO)
                        .getCriteriaObject())
                .isEqualTo(new Document("dealerId", "D-SH").append("at", new Document("$lt", TO)));
        assertThat(Keyset.within(Criteria.where("dealerId").is("D-SH"), "at", null, null)
                        .getCriteriaObject())
                .isEqualTo(new Document("dealerId", "D-SH"));
    }
}
