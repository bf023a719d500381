package dev.aftersales.intake.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.contracts.intake.ComplaintKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaPoliciesTest {

    static final SlaPolicies POLICIES = new SlaPolicies(
            SlaPolicy.DEFAULT,
            Map.of(ComplaintKind.INSTALLATION, new SlaPolicies.Override(null, Duration.ofHours(72), null)),
            Map.of("KEY", new SlaPolicies.Override(Duration.ofHours(2), Duration.ofHours(6), null)));

    @Test
    void without_overrides_the_default_applies() {
        assertThat(POLICIES.policyFor(ComplaintKind.REPAIR, null)).isEqualTo(SlaPolicy.DEFAULT);
        assertThat(POLICIES.policyFor(ComplaintKind.REPAIR, "UNKNOWN")).isEqualTo(SlaPolicy.DEFAULT);
    }

    @Test
    void a_kind_changes_only_the_durations_it_names() {
        assertThat(POLICIES.policyFor(ComplaintKind.INSTALLATION, null))
                .isEqualTo(new SlaPolicy(Duration.ofHours(4), Duration.ofHours(72), Duration.ofDays(30)));
    }

    @Test
    void a_tier_wins_over_a_kind() {
        assertThat(POLICIES.policyFor(ComplaintKind.INSTALLATION, "KEY"))
                .isEqualTo(new SlaPolicy(Duration.ofHours(2), Duration.ofHours(6), Duration.ofDays(30)));
    }
}
