package dev.aftersales.dispatch.assignment.domain;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.installation;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.dispatch.archive.domain.InMemoryInstallations;
import dev.aftersales.dispatch.archive.domain.InMemoryTechnicians;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Technician;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {

    final InMemoryInstallations installations = new InMemoryInstallations();
    final InMemoryTechnicians technicians = new InMemoryTechnicians();
    final AssignmentPolicy policy = new AssignmentPolicy(installations, technicians);

    @Test
    void assigns_the_original_installer_when_active() {
        installations.upsert(installation("WP-0001", "D-SH", "T-001"));
        technicians.upsert(technician("T-001", "D-SH", true, 5));
        technicians.upsert(technician("T-002", "D-SH", true, 0));

        var decision = policy.decide("WP-0001");

        assertThat(decision.escalated()).isFalse();
        assertThat(decision.technician().technicianId()).isEqualTo("T-001");
        assertThat(decision.rule()).isEqualTo(AssignmentRule.ORIGINAL_INSTALLER);
        assertThat(decision.reason()).isEqualTo("original installer of WP-0001 (installed 2024-05-03)");
        assertThat(decision.outcome()).isEqualTo("ORIGINAL_INSTALLER");
    }

    @Test
    void the_original_installer_is_sent_even_when_working_for_another_dealer_now() {
        installations.upsert(installation("WP-0001", "D-SH", "T-001"));
        technicians.upsert(technician("T-001", "D-BJ", true, 0));

        var decision = policy.decide("WP-0001");

        assertThat(decision.technician().technicianId()).isEqualTo("T-001");
        assertThat(decision.technician().dealerId()).isEqualTo("D-BJ");
    }

    @Test
    void gives_the_case_to_the_least_loaded_active_colleague_when_the_installer_is_inactive() {
        installations.upsert(installation("WP-0002", "D-SH", "T-009"));
        technicians.upsert(technician("T-009", "D-SH", false, 0));
        technicians.upsert(technician("T-001", "D-SH", true, 3));
        technicians.upsert(technician("T-002", "D-SH", true, 1));
        technicians.upsert(technician("T-003", "D-SH", false, 0));
        technicians.upsert(technician("T-004", "D-BJ", true, 0));

        var decision = policy.decide("WP-0002");

        assertThat(decision.technician().technicianId()).isEqualTo("T-002");
        assertThat(decision.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
        assertThat(decision.reason())
                .contains("original installer T-009 of WP-0002 inactive")
                .contains("least-loaded active colleague at dealer D-SH (1 open assignments)");
    }

    @Test
    void passes_over_colleagues_not_trained_for_the_product_line() {
        installations.upsert(installation("WP-0002", "D-SH", "T-009"));
        technicians.upsert(technician("T-009", "D-SH", false, 0));
        technicians.upsert(new Technician("T-001", "王师傅", "D-SH", true, Set.of("AIR_CONDITIONER"), 0));
        technicians.upsert(technician("T-002", "D-SH", true, 7));

        assertThat(policy.decide("WP-0002").technician().technicianId()).isEqualTo("T-002");
    }

    @Test
    void breaks_a_tie_between_equally_loaded_colleagues_by_technician_id() {
        installations.upsert(installation("WP-0002", "D-SH", "T-009"));
        technicians.upsert(technician("T-009", "D-SH", false, 0));
        technicians.upsert(technician("T-005", "D-SH", true, 2));
        technicians.upsert(technician("T-003", "D-SH", true, 2));

        assertThat(policy.decide("WP-0002").technician().technicianId()).isEqualTo("T-003");
    }

    @Test
    void takes_a_colleague_when_the_installer_is_not_in_the_archive_or_not_recorded() {
        installations.upsert(installation("WP-0002", "D-SH", "T-GONE"));
        installations.upsert(installation("WP-0003", "D-SH", null));
        technicians.upsert(technician("T-002", "D-SH", true, 0));

        var unknownInstaller = policy.decide("WP-0002");
        var noInstaller = policy.decide("WP-0003");

        assertThat(unknownInstaller.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
        assertThat(unknownInstaller.reason()).startsWith("original installer T-GONE of WP-0002 not in the archive");
        assertThat(noInstaller.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
        assertThat(noInstaller.reason()).startsWith("installer of WP-0003 not recorded");
    }

    @Test
    void escalates_when_no_active_colleague_is_left() {
        installations.upsert(installation("WP-0002", "D-SH", "T-009"));
        technicians.upsert(technician("T-009", "D-SH", false, 0));
        technicians.upsert(technician("T-003", "D-SH", false, 0));

        var decision = policy.decide("WP-0002");

        assertThat(decision.escalated()).isTrue();
        assertThat(decision.technician()).isNull();
        assertThat(decision.rule()).isNull();
        assertThat(decision.outcome()).isEqualTo("ESCALATED");
        assertThat(decision.installation()).isNotNull();
        assertThat(decision.reason()).endsWith("no active technician at dealer D-SH for WATER_PURIFIER");
    }

    @Test
    void escalates_an_unknown_serial_number_naming_it() {
        var decision = policy.decide("WP-9999");

        assertThat(decision.escalated()).isTrue();
        assertThat(decision.installation()).isNull();
        assertThat(decision.reason()).isEqualTo("no installation record for WP-9999");
    }

    @Test
    void a_machine_without_product_line_can_go_to_any_active_colleague() {
        var old = installation("WP-0004", "D-SH", null);
        installations.upsert(new Installation(
                old.serialNumber(), old.model(), null, old.customerId(), old.dealerId(), null, null, old.site()));
        technicians.upsert(new Technician("T-001", "王师傅", "D-SH", true, Set.of(), 0));

        assertThat(policy.decide("WP-0004").technician().technicianId()).isEqualTo("T-001");
    }
}
