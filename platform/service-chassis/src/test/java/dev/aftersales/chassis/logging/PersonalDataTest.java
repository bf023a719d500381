package dev.aftersales.chassis.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void masks_mainland_mobile_numbers_keeping_prefix_and_last_four() {
        assertThat(PersonalData.mask("customer 13812345678 called")).isEqualTo("customer 138****5678 called");
    }

    @Test
    void masks_landlines_and_e164_numbers() {
        assertThat(PersonalData.mask("tel 021-58881234")).doesNotContain("5888");
        assertThat(PersonalData.mask("tel +8613812345678")).doesNotContain("1234567");
        assertThat(PersonalData.mask("tel +44 20 7946 0958")).doesNotContain("7946");
    }

    @Test
    void leaves_ids_and_dates_alone() {
        assertThat(PersonalData.mask("complaint C-20261123-ABCD at 2026-11-23T10:00:00Z qty 12"))
                .isEqualTo("complaint C-20261123-ABCD at 2026-11-23T10:00:00Z qty 12");
    }
}
