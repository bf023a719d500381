package dev.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.intake.complaint.domain.SlaPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class IntakePropertiesTest {

    static SlaPolicy bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("aftersales.intake.sla", IntakeProperties.Sla.class)
                .policy();
    }

    @Test
    void without_settings_the_promises_of_domain_md_apply() {
        assertThat(bind(Map.of())).isEqualTo(SlaPolicy.DEFAULT);
    }

    @Test
    void each_promise_can_be_changed_alone() {
        var policy = bind(Map.of("aftersales.intake.sla.on-site", "6h"));

        assertThat(policy).isEqualTo(new SlaPolicy(Duration.ofHours(4), Duration.ofHours(6), Duration.ofDays(30)));
    }

    @Test
    void a_promise_of_no_time_is_refused_at_start_up() {
        assertThatThrownBy(() -> bind(Map.of("aftersales.intake.sla.first-answer", "0s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstAnswer");
        assertThatThrownBy(() -> bind(Map.of("aftersales.intake.sla.resolution", "a month")))
                .isInstanceOf(BindException.class);
    }

    @Test
    void promises_can_be_set_per_kind_and_per_customer_tier() {
        var policies = new Binder(new MapConfigurationPropertySource(Map.of(
                        "aftersales.intake.sla.kinds.INSTALLATION.on-site", "72h",
                        "aftersales.intake.sla.tiers.KEY.first-answer", "2h")))
                .bindOrCreate("aftersales.intake.sla", IntakeProperties.Sla.class)
                .policies();

        assertThat(policies.policyFor(dev.aftersales.contracts.intake.ComplaintKind.INSTALLATION, null)
                        .onSite())
                .isEqualTo(Duration.ofHours(72));
        assertThat(policies.policyFor(dev.aftersales.contracts.intake.ComplaintKind.REPAIR, "KEY")
                        .firstAnswer())
                .isEqualTo(Duration.ofHours(2));
        assertThat(policies.policyFor(dev.aftersales.contracts.intake.ComplaintKind.REPAIR, null))
                .isEqualTo(SlaPolicy.DEFAULT);
    }

    @Test
    void escalating_at_the_first_call_is_refused_at_start_up() {
        assertThatThrownBy(() -> new Binder(
                                new MapConfigurationPropertySource(Map.of("aftersales.intake.escalate-at-call", "1")))
                        .bindOrCreate("aftersales.intake", IntakeProperties.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("aftersales.intake.escalate-at-call must be at least 2");
    }

    @Test
    void without_settings_a_case_escalates_at_the_third_call_and_days_are_counted_in_china() {
        var properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("aftersales.intake", IntakeProperties.class);

        assertThat(properties.escalateAtCall()).isEqualTo(3);
        assertThat(properties.warrantyZone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
    }

    static IntakeProperties bindAll(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("aftersales.intake", IntakeProperties.class);
    }

    @Test
    void an_installation_waits_48_hours_for_its_installer_unless_configured_otherwise() {
        var installation = dev.aftersales.contracts.intake.ComplaintKind.INSTALLATION;
        assertThat(bindAll(Map.of()).slaPolicies().policyFor(installation, null).onSite())
                .isEqualTo(Duration.ofHours(48));
        assertThat(bindAll(Map.of("aftersales.intake.install-wait", "72h"))
                        .slaPolicies()
                        .policyFor(installation, null)
                        .onSite())
                .isEqualTo(Duration.ofHours(72));
        assertThat(bindAll(Map.of("aftersales.intake.sla.kinds.INSTALLATION.on-site", "10h"))
                        .slaPolicies()
                        .policyFor(installation, null)
                        .onSite())
                .as("a kind's own promise wins")
                .isEqualTo(Duration.ofHours(10));
        assertThat(bindAll(Map.of())
                        .slaPolicies()
                        .policyFor(dev.aftersales.contracts.intake.ComplaintKind.REPAIR, null)
                        .onSite())
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void goodwill_limits_default_per_role_and_can_be_set() {
        var roles = java.util.List.of(dev.aftersales.chassis.security.Role.AGENT);
        assertThat(bindAll(Map.of()).goodwill().limitOf(roles)).isEqualByComparingTo("200");
        assertThat(bindAll(Map.of("aftersales.intake.goodwill.limits.AGENT", "300"))
                        .goodwill()
                        .limitOf(roles))
                .isEqualByComparingTo("300");
        assertThat(bindAll(Map.of()).goodwill().limitOf(java.util.List.of(dev.aftersales.chassis.security.Role.DEALER)))
                .isEqualByComparingTo("0");
    }
}
