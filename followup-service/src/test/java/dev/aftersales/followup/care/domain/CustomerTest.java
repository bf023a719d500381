package dev.aftersales.followup.care.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration QUARTER = Duration.ofDays(91);

    @Test
    void a_key_customer_gets_a_visit_task_each_quarter_and_not_before() {
        var customer = Customer.first("CU-1");
        customer.tiered("KEY", QUARTER, NOW);

        assertThat(customer.careDueBy(NOW.plus(QUARTER).minusSeconds(1))).isFalse();
        var first = customer.fireCare("VISIT", QUARTER, NOW.plus(QUARTER));
        assertThat(first).isEqualTo(new CareTask("CARE-CU-1-1", "CU-1", "VISIT", NOW.plus(QUARTER), NOW.plus(QUARTER)));
        assertThat(customer.nextCareAt()).isEqualTo(NOW.plus(QUARTER.multipliedBy(2)));
        assertThat(customer.careDueBy(NOW.plus(QUARTER).plusSeconds(1))).isFalse();
    }

    @Test
    void after_an_outage_missed_periods_give_one_task_not_a_burst() {
        var customer = Customer.first("CU-2");
        customer.tiered("MEDIUM", Duration.ofDays(30), NOW);

        customer.fireCare("CALL", Duration.ofDays(30), NOW.plus(Duration.ofDays(95)));

        assertThat(customer.tasks()).hasSize(1);
        assertThat(customer.nextCareAt()).isEqualTo(NOW.plus(Duration.ofDays(120)));
    }

    @Test
    void an_ordinary_customer_has_no_periodic_task_and_is_silent_after_the_cutoff() {
        var customer = Customer.first("CU-3");
        customer.tiered("ORDINARY", null, NOW);
        customer.contacted(NOW);

        assertThat(customer.careDueBy(NOW.plus(Duration.ofDays(1000)))).isFalse();
        assertThat(customer.silentSince(NOW.minusSeconds(1))).isFalse();
        assertThat(customer.silentSince(NOW)).isTrue();
    }
}
