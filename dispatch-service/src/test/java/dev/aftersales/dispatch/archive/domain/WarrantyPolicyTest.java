package dev.aftersales.dispatch.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarrantyPolicyTest {

    static Installation installed(String model, String productLine, LocalDate on) {
        return new Installation("WP-1", model, productLine, "CU-1", "D-SH", "T-001", on, null);
    }

    @Test
    void by_default_the_whole_machine_is_covered_one_year_and_main_parts_three() {
        var warranty = WarrantyPolicy.defaults()
                .warrantyOf(installed("RO-400", "WATER_PURIFIER", LocalDate.parse("2025-03-10")));

        assertThat(warranty.wholeMachineUntil()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(warranty.mainPartsUntil()).isEqualTo(LocalDate.parse("2028-03-09"));
        assertThat(warranty.wholeMachineCovers(LocalDate.parse("2026-03-09"))).isTrue();
        assertThat(warranty.wholeMachineCovers(LocalDate.parse("2026-03-10"))).isFalse();
        assertThat(warranty.mainPartsCover(LocalDate.parse("2026-03-10"))).isTrue();
    }

    @Test
    void a_model_term_wins_over_its_product_line_which_wins_over_the_default() {
        var policy = new WarrantyPolicy(
                WarrantyTerms.DEFAULT,
                Map.of("WATER_PURIFIER", new WarrantyTerms(Period.ofYears(2), Period.ofYears(5))),
                Map.of("RO-900", new WarrantyTerms(Period.ofYears(3), Period.ofYears(10))));
        var on = LocalDate.parse("2025-01-01");

        assertThat(policy.warrantyOf(installed("RO-900", "WATER_PURIFIER", on)).mainPartsUntil())
                .isEqualTo(LocalDate.parse("2034-12-31"));
        assertThat(policy.warrantyOf(installed("RO-400", "WATER_PURIFIER", on)).wholeMachineUntil())
                .isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(policy.warrantyOf(installed("AC-1", "AIR_CONDITIONER", on)).wholeMachineUntil())
                .isEqualTo(LocalDate.parse("2025-12-31"));
    }

    @Test
    void an_unknown_installation_date_has_no_warranty_dates() {
        var warranty = WarrantyPolicy.defaults().warrantyOf(installed("RO-400", null, null));

        assertThat(warranty.wholeMachineUntil()).isNull();
        assertThat(warranty.wholeMachineCovers(LocalDate.now())).isFalse();
    }
}
