package dev.aftersales.followup.quality.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatFailureModelTagTest {

    @Test
    void catalog_model_names_become_the_tag_in_upper_case() {
        assertThat(QualityMetrics.modelTag(" ro-400 ")).isEqualTo("RO-400");
        assertThat(QualityMetrics.modelTag("KFR-35GW")).isEqualTo("KFR-35GW");
    }

    @Test
    void anything_else_typed_into_the_form_counts_as_other_so_the_tag_stays_bounded() {
        assertThat(QualityMetrics.modelTag(null)).isEqualTo("OTHER");
        assertThat(QualityMetrics.modelTag("客厅那台空调")).isEqualTo("OTHER");
        assertThat(QualityMetrics.modelTag("13812345678")).isEqualTo("OTHER");
        assertThat(QualityMetrics.modelTag("A-VERY-LONG-MODEL-NAME-THAT-GOES-ON"))
                .isEqualTo("OTHER");
    }
}
