package dev.aftersales.parts.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemandPlanTest {

    /**
     * By hand: RO-400 used 365 filters on 100 machines in 365 days = 0.01 per machine and day; the
     * dealer has 40 of them = 0.4 a day. RO-600 used 73 on 50 machines = 0.004; the dealer's 25 =
     * 0.1 a day. Together 0.5 a day: 14 days of lead time = 7.0, 7 days of safety stock = 3.5, total
     * 10.5, so keep 11. The RO-800 the dealer does not have does not count.
     */
    @Test
    void recommends_the_failures_expected_over_the_lead_time_plus_safety_stock() {
        var plan = DemandPlan.of(
                "D-SH",
                "FLT-RO-01",
                Map.of("RO-400", 365, "RO-600", 73, "RO-800", 500),
                Map.of("RO-400", 100, "RO-600", 50, "RO-800", 10),
                Map.of("RO-400", 40, "RO-600", 25),
                365,
                14,
                7);

        assertThat(plan.leadTimeDemand()).isCloseTo(7.0, within(1e-9));
        assertThat(plan.safetyStock()).isCloseTo(3.5, within(1e-9));
        assertThat(plan.recommended()).isEqualTo(11);
    }

    @Test
    void a_model_never_installed_or_a_part_never_used_asks_for_nothing() {
        var plan = DemandPlan.of("D-SH", "X", Map.of(), Map.of(), Map.of("RO-400", 3), 365, 14, 7);

        assertThat(plan.recommended()).isZero();
    }
}
