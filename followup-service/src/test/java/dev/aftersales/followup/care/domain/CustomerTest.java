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
        customer.contacted(NOW, null);

        assertThat(customer.careDueBy(NOW.plus(Duration.ofDays(1000)))).isFalse();
        assertThat(customer.silentSince(NOW.minusSeconds(1))).isFalse();
        assertThat(customer.silentSince(NOW)).isTrue();
    }

    @Test
    void a_key_customer_silent_longer_than_the_period_is_due_at_once_when_tiered() {
        var customer = Customer.first("CU-4");
        customer.contacted(NOW.minus(Duration.ofDays(200)), null);

        customer.tiered("KEY", QUARTER, NOW);

        assertThat(customer.careDueBy(NOW)).isTrue();
        assertThat(customer.nextCareAt())
                .isEqualTo(NOW.minus(Duration.ofDays(200)).plus(QUARTER));
    }

    @Test
    void care_follows_silence_a_period_after_the_last_contact_not_after_the_tier_was_set() {
        var customer = Customer.first("CU-5");
        customer.contacted(NOW.minus(Duration.ofDays(60)), null);
        customer.tiered("KEY", QUARTER, NOW);
        assertThat(customer.nextCareAt()).isEqualTo(NOW.plus(Duration.ofDays(31)));

        // A contact restarts the silence; an older one (redelivered late) changes nothing.
        customer.contacted(NOW.plus(Duration.ofDays(10)), QUARTER);
        customer.contacted(NOW.minus(Duration.ofDays(5)), QUARTER);

        assertThat(customer.careDueBy(NOW.plus(Duration.ofDays(100)))).isFalse();
        assertThat(customer.nextCareAt()).isEqualTo(NOW.plus(Duration.ofDays(101)));
    }

    @Test
    void a_contact_does_not_give_periodic_care_to_a_tier_without_it() {
        var customer = Customer.first("CU-6");
        customer.tiered("ORDINARY", null, NOW);

        customer.contacted(NOW.plus(Duration.ofDays(1)), null);

        assertThat(customer.nextCareAt()).isNull();
    }

    @Test
    void a_customer_tiered_before_an_older_installation_is_announced_is_due_a_period_after_that_installation() {
        var customer = Customer.first("CU-7");
        customer.tiered("KEY", QUARTER, NOW);
        assertThat(customer.nextCareAt()).isEqualTo(NOW.plus(QUARTER));

        customer.contacted(NOW.minus(Duration.ofDays(400)), QUARTER);

        assertThat(customer.careDueBy(NOW)).isTrue();
        assertThat(customer.nextCareAt())
                .isEqualTo(NOW.minus(Duration.ofDays(400)).plus(QUARTER));
    }

    @Test
    void a_late_contact_older_than_a_care_task_already_given_does_not_bring_another_task_forward() {
        var customer = Customer.first("CU-8");
        customer.contacted(NOW.minus(Duration.ofDays(200)), null);
        customer.tiered("KEY", QUARTER, NOW);
        customer.fireCare("VISIT", QUARTER, NOW);
        var afterTask = customer.nextCareAt();

        customer.contacted(NOW.minus(Duration.ofDays(100)), QUARTER);

        assertThat(customer.nextCareAt()).isEqualTo(afterTask);
        assertThat(customer.careDueBy(NOW)).isFalse();
    }

    @Test
    void a_customer_who_withdrew_consent_gets_no_care_until_they_give_it_again() {
        var customer = Customer.first("CU-9");
        customer.contacted(NOW.minus(Duration.ofDays(200)), null);
        customer.tiered("KEY", QUARTER, NOW);
        assertThat(customer.careDueBy(NOW)).isTrue();

        assertThat(customer.fromMaster(null, QUARTER, false, 1, NOW)).isTrue();
        assertThat(customer.careDueBy(NOW.plus(Duration.ofDays(1000)))).isFalse();
        customer.tiered("KEY", QUARTER, NOW);
        assertThat(customer.careDueBy(NOW.plus(Duration.ofDays(1000))))
                .as("the tier door gives no care")
                .isFalse();

        assertThat(customer.fromMaster(null, QUARTER, false, 1, NOW))
                .as("the same revision again")
                .isFalse();
        assertThat(customer.fromMaster(null, QUARTER, true, 2, NOW)).isTrue();
        assertThat(customer.careDueBy(NOW)).isTrue();
    }

    @Test
    void the_masters_tier_wins_over_the_one_set_here() {
        var customer = Customer.first("CU-10");
        customer.tiered("MEDIUM", Duration.ofDays(30), NOW);

        customer.fromMaster("KEY", QUARTER, true, 1, NOW);

        assertThat(customer.tier()).isEqualTo("KEY");
        assertThat(customer.nextCareAt()).isEqualTo(NOW.plus(QUARTER));
    }
}
