package dev.aftersales.dispatch.assignment.domain;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.WATER_PURIFIER;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.installation;
import static dev.aftersales.dispatch.assignment.domain.Fixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.intake.InstallationRequest;
import dev.aftersales.dispatch.archive.domain.Availability;
import dev.aftersales.dispatch.archive.domain.InMemoryInstallations;
import dev.aftersales.dispatch.archive.domain.InMemoryServicePoints;
import dev.aftersales.dispatch.archive.domain.InMemoryTechnicians;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.ServicePoint;
import dev.aftersales.dispatch.archive.domain.ServicePointType;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.archive.domain.Technician;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {

    static final String REPAIR = "REPAIR";

    final InMemoryInstallations installations = new InMemoryInstallations();
    final InMemoryTechnicians technicians = new InMemoryTechnicians();
    final InMemoryServicePoints servicePoints = new InMemoryServicePoints();
    final AssignmentPolicy policy = new AssignmentPolicy(installations, technicians, servicePoints);

    @Test
    void assigns_the_original_installer_when_available() {
        installations.add(installation("WP-0001", "D-SH", "T-001"));
        technicians.upsert(technician("T-001", "D-SH", true, 5));
        technicians.upsert(technician("T-002", "D-SH", true, 0));

        var decision = policy.decide("WP-0001", REPAIR);

        assertThat(decision.escalated()).isFalse();
        assertThat(decision.technician().technicianId()).isEqualTo("T-001");
        assertThat(decision.rule()).isEqualTo(AssignmentRule.ORIGINAL_INSTALLER);
        assertThat(decision.reason()).isEqualTo("original installer of WP-0001 (installed 2024-05-03)");
        assertThat(decision.outcome()).isEqualTo("ORIGINAL_INSTALLER");
    }

    @Test
    void the_original_installer_is_sent_even_when_working_for_another_dealer_now() {
        installations.add(installation("WP-0001", "D-SH", "T-001"));
        technicians.upsert(technician("T-001", "D-BJ", true, 0));

        var decision = policy.decide("WP-0001", REPAIR);

        assertThat(decision.technician().technicianId()).isEqualTo("T-001");
        assertThat(decision.technician().dealerId()).isEqualTo("D-BJ");
    }

    @Test
    void gives_the_case_to_the_least_loaded_colleague_when_the_installer_has_left() {
        installations.add(installation("WP-0002", "D-SH", "T-009"));
        technicians.upsert(technician("T-009", "D-SH", false, 0));
        technicians.upsert(technician("T-001", "D-SH", true, 3));
        technicians.upsert(technician("T-002", "D-SH", true, 1));
        technicians.upsert(technician("T-003", "D-SH", false, 0));
        technicians.upsert(technician("T-004", "D-BJ", true, 0));

        var decision = policy.decide("WP-0002", REPAIR);

        assertThat(decision.technician().technicianId()).isEqualTo("T-002");
        assertThat(decision.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
        assertThat(decision.reason())
                .contains("original installer T-009 of WP-0002 inactive")
                .contains("least-loaded available colleague at dealer D-SH (1 open assignments)");
    }

    @Test
    void passes_over_an_installer_not_skilled_for_the_product_line() {
        installations.add(installation("WP-0002", "D-SH", "T-009"));
        technicians.upsert(new Technician("T-009", "王师傅", "D-SH", true, Set.of("AIR_CONDITIONER"), 0));
        technicians.upsert(technician("T-002", "D-SH", true, 7));

        var decision = policy.decide("WP-0002", REPAIR);

        assertThat(decision.technician().technicianId()).isEqualTo("T-002");
        assertThat(decision.reason()).startsWith("original installer T-009 of WP-0002 not skilled for WATER_PURIFIER");
    }

    @Test
    void passes_over_an_installer_not_doing_this_kind_of_work() {
        installations.add(installation("WP-0002", "D-SH", "T-009"));
        technicians.upsert(skilled("T-009", "D-SH", Set.of("INSTALLATION"), 10, 0));
        technicians.upsert(skilled("T-002", "D-SH", Set.of("REPAIR"), 10, 0));

        var repair = policy.decide("WP-0002", REPAIR);
        var install = policy.decide("WP-0002", "INSTALLATION");

        assertThat(repair.technician().technicianId()).isEqualTo("T-002");
        assertThat(repair.reason())
                .startsWith("original installer T-009 of WP-0002 not skilled for WATER_PURIFIER REPAIR");
        assertThat(install.technician().technicianId()).isEqualTo("T-009");
    }

    @Test
    void passes_over_an_installer_at_full_daily_capacity() {
        installations.add(installation("WP-0002", "D-SH", "T-009"));
        technicians.upsert(skilled("T-009", "D-SH", Set.of(), 4, 4));
        technicians.upsert(skilled("T-002", "D-SH", Set.of(), 4, 3));
        technicians.upsert(skilled("T-003", "D-SH", Set.of(), 2, 2));

        var decision = policy.decide("WP-0002", REPAIR);

        assertThat(decision.technician().technicianId()).isEqualTo("T-002");
        assertThat(decision.reason()).startsWith("original installer T-009 of WP-0002 at capacity (4/4)");
    }

    @Test
    void breaks_a_tie_between_equally_loaded_colleagues_by_technician_id() {
        installations.add(installation("WP-0002", "D-SH", "T-009"));
        technicians.upsert(technician("T-009", "D-SH", false, 0));
        technicians.upsert(technician("T-005", "D-SH", true, 2));
        technicians.upsert(technician("T-003", "D-SH", true, 2));

        assertThat(policy.decide("WP-0002", REPAIR).technician().technicianId()).isEqualTo("T-003");
    }

    @Test
    void takes_a_colleague_when_the_installer_is_not_in_the_archive_or_not_recorded() {
        installations.add(installation("WP-0002", "D-SH", "T-GONE"));
        installations.add(installation("WP-0003", "D-SH", null));
        technicians.upsert(technician("T-002", "D-SH", true, 0));

        var unknownInstaller = policy.decide("WP-0002", REPAIR);
        var noInstaller = policy.decide("WP-0003", REPAIR);

        assertThat(unknownInstaller.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
        assertThat(unknownInstaller.reason()).startsWith("original installer T-GONE of WP-0002 not in the archive");
        assertThat(noInstaller.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
        assertThat(noInstaller.reason()).startsWith("installer of WP-0003 not recorded");
    }

    @Test
    void skips_technicians_who_already_passed_on_the_case() {
        installations.add(installation("WP-0002", "D-SH", "T-001"));
        technicians.upsert(technician("T-001", "D-SH", true, 0));
        technicians.upsert(technician("T-002", "D-SH", true, 0));
        technicians.upsert(technician("T-003", "D-SH", true, 1));

        var decision = policy.decide("WP-0002", REPAIR, Set.of("T-001", "T-002"));

        assertThat(decision.technician().technicianId()).isEqualTo("T-003");
        assertThat(decision.reason()).startsWith("original installer T-001 of WP-0002 already passed on this case");
    }

    @Test
    void without_a_dealer_colleague_sends_the_nearest_service_point_by_coordinates() {
        installations.add(located("WP-0005", "310115", 31.20, 121.60));
        // Same district but 40 km away, against another district 5 km away: coordinates win.
        servicePoints.upsert(point("SP-FAR", ServicePointType.SERVICE_POINT, "310115", 31.50, 121.90));
        servicePoints.upsert(point("SP-NEAR", ServicePointType.SERVICE_POINT, "310112", 31.22, 121.64));
        servicePoints.upsert(point("SP-TOO-FAR", ServicePointType.SERVICE_POINT, "310115", 33.50, 121.60));
        technicians.upsert(technician("T-F1", "SP-FAR", true, 0));
        technicians.upsert(technician("T-N1", "SP-NEAR", true, 3));
        technicians.upsert(technician("T-N2", "SP-NEAR", true, 1));

        var decision = policy.decide("WP-0005", REPAIR);

        assertThat(decision.rule()).isEqualTo(AssignmentRule.SERVICE_POINT);
        assertThat(decision.technician().technicianId()).isEqualTo("T-N2");
        assertThat(decision.technician().dealerId()).isEqualTo("SP-NEAR");
        assertThat(decision.reason())
                .contains("no available technician at dealer D-SH for WATER_PURIFIER REPAIR")
                .contains("nearest authorized service point SP-NEAR (4.4 km), technician T-N2 (1 open assignments)");
    }

    @Test
    void without_coordinates_prefers_a_service_point_in_the_same_district_then_city_then_province() {
        installations.add(installation("WP-0006", "D-SH", null)); // site 310115, no coordinates
        servicePoints.upsert(point("SP-PROVINCE", ServicePointType.SERVICE_POINT, "319999", null, null));
        servicePoints.upsert(point("SP-CITY", ServicePointType.SERVICE_POINT, "310101", 31.2, 121.4));
        servicePoints.upsert(point("SP-DISTRICT", ServicePointType.SERVICE_POINT, "310115", null, null));
        servicePoints.upsert(point("SP-ELSEWHERE", ServicePointType.SERVICE_POINT, "110105", null, null));
        technicians.upsert(technician("T-P", "SP-PROVINCE", true, 0));
        technicians.upsert(technician("T-C", "SP-CITY", true, 0));
        technicians.upsert(technician("T-D", "SP-DISTRICT", true, 0));
        technicians.upsert(technician("T-E", "SP-ELSEWHERE", true, 0));

        var district = policy.decide("WP-0006", REPAIR);
        technicians.upsert(technician("T-D", "SP-DISTRICT", false, 0));
        var city = policy.decide("WP-0006", REPAIR);
        technicians.upsert(technician("T-C", "SP-CITY", false, 0));
        var province = policy.decide("WP-0006", REPAIR);
        technicians.upsert(technician("T-P", "SP-PROVINCE", false, 0));
        var none = policy.decide("WP-0006", REPAIR);

        assertThat(district.technician().technicianId()).isEqualTo("T-D");
        assertThat(district.reason()).contains("nearest authorized service point SP-DISTRICT (same district 310115)");
        assertThat(city.technician().technicianId()).isEqualTo("T-C");
        assertThat(city.reason()).contains("SP-CITY (same city 310101)");
        assertThat(province.technician().technicianId()).isEqualTo("T-P");
        assertThat(none.escalated()).isTrue();
    }

    @Test
    void a_service_point_without_a_skilled_technician_with_capacity_is_passed_by() {
        installations.add(installation("WP-0006", "D-SH", null));
        servicePoints.upsert(point("SP-A", ServicePointType.SERVICE_POINT, "310115", null, null));
        servicePoints.upsert(point("SP-B", ServicePointType.SERVICE_POINT, "310101", null, null));
        technicians.upsert(new Technician("T-A1", "x", "SP-A", true, Set.of("AIR_CONDITIONER"), 0));
        technicians.upsert(skilled("T-A2", "SP-A", Set.of(), 1, 1));
        technicians.upsert(technician("T-B1", "SP-B", true, 9));

        assertThat(policy.decide("WP-0006", REPAIR).technician().technicianId()).isEqualTo("T-B1");
    }

    @Test
    void without_a_service_point_sends_the_regional_centre_of_the_province() {
        installations.add(installation("WP-0007", "D-SH", null));
        servicePoints.upsert(point("RC-BJ", ServicePointType.REGIONAL_CENTRE, "110000", null, null));
        servicePoints.upsert(point("RC-SH", ServicePointType.REGIONAL_CENTRE, "310000", null, null));
        technicians.upsert(technician("T-RC-BJ", "RC-BJ", true, 0));
        technicians.upsert(technician("T-RC-SH", "RC-SH", true, 0));

        var decision = policy.decide("WP-0007", REPAIR);

        assertThat(decision.rule()).isEqualTo(AssignmentRule.REGIONAL_CENTRE);
        assertThat(decision.technician().technicianId()).isEqualTo("T-RC-SH");
        assertThat(decision.reason())
                .contains("no authorized service point nearby with an available technician")
                .contains("regional service centre RC-SH (same province 310000)");
    }

    @Test
    void escalates_when_nobody_is_available_naming_every_step() {
        installations.add(installation("WP-0002", "D-SH", "T-009"));
        technicians.upsert(technician("T-009", "D-SH", false, 0));
        technicians.upsert(technician("T-003", "D-SH", false, 0));

        var decision = policy.decide("WP-0002", REPAIR);

        assertThat(decision.escalated()).isTrue();
        assertThat(decision.technician()).isNull();
        assertThat(decision.rule()).isNull();
        assertThat(decision.outcome()).isEqualTo("ESCALATED");
        assertThat(decision.installation()).isNotNull();
        assertThat(decision.reason())
                .isEqualTo("original installer T-009 of WP-0002 inactive; "
                        + "no available technician at dealer D-SH for WATER_PURIFIER REPAIR; "
                        + "no authorized service point nearby with an available technician; "
                        + "no regional service centre with an available technician");
    }

    @Test
    void escalates_an_unknown_serial_number_naming_it() {
        var decision = policy.decide("WP-9999", REPAIR);

        assertThat(decision.escalated()).isTrue();
        assertThat(decision.installation()).isNull();
        assertThat(decision.reason()).isEqualTo("no installation record for WP-9999");
    }

    @Test
    void a_machine_without_product_line_can_go_to_any_active_colleague() {
        var old = installation("WP-0004", "D-SH", null);
        installations.add(new Installation(
                old.serialNumber(), old.model(), null, old.customerId(), old.dealerId(), null, null, old.site()));
        technicians.upsert(new Technician("T-001", "王师傅", "D-SH", true, Set.of(), 0));

        assertThat(policy.decide("WP-0004", REPAIR).technician().technicianId()).isEqualTo("T-001");
    }

    static Technician skilled(String id, String dealerId, Set<String> kinds, int capacity, int load) {
        return new Technician(id, "李师傅", dealerId, true, Set.of(WATER_PURIFIER), kinds, capacity, load);
    }

    static Installation located(String serialNumber, String regionCode, double lat, double lon) {
        var i = installation(serialNumber, "D-SH", null);
        return new Installation(
                i.serialNumber(),
                i.model(),
                i.productLine(),
                i.customerId(),
                i.dealerId(),
                null,
                i.installedOn(),
                new Site("上海市浦东新区张江路88号", regionCode, lat, lon));
    }

    static ServicePoint point(String id, ServicePointType type, String regionCode, Double lat, Double lon) {
        return new ServicePoint(id, id + " 服务网点", type, regionCode, lat, lon);
    }

    @Test
    void never_chooses_the_technician_the_case_is_about_and_says_so() {
        installations.add(installation("WP-0001", "D-SH", "T-001"));
        technicians.upsert(technician("T-001", "D-SH", true, 0));
        technicians.upsert(technician("T-002", "D-SH", true, 4));

        var decision = policy.decide("WP-0001", REPAIR, Set.of(), "T-001", null);

        assertThat(decision.technician().technicianId()).isEqualTo("T-002");
        assertThat(decision.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
        assertThat(decision.reason()).startsWith("original installer T-001 of WP-0001 is whom this case is about");
    }

    @Test
    void a_colleague_on_leave_is_passed_by_with_the_reason() {
        installations.add(installation("WP-0001", "D-SH", "T-001"));
        technicians.upsert(technician("T-001", "D-SH", false, 0));
        technicians.upsert(technician("T-002", "D-SH", true, 0));
        technicians.upsert(technician("T-003", "D-SH", true, 5));
        technicians.setAvailability(
                "T-002", new Availability(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-10"), null, null));

        var decision = policy.decide("WP-0001", REPAIR, Set.of(), null, Instant.parse("2026-12-02T02:00:00Z"));

        assertThat(decision.technician().technicianId()).isEqualTo("T-003");
        assertThat(decision.reason()).contains("technician T-002 on leave until 2026-12-10");
    }

    @Test
    void the_original_installer_outside_working_hours_is_passed_by_with_the_reason() {
        installations.add(installation("WP-0001", "D-SH", "T-001"));
        technicians.upsert(technician("T-001", "D-SH", true, 0));
        technicians.upsert(technician("T-002", "D-SH", true, 0));
        technicians.setAvailability(
                "T-001", new Availability(null, null, LocalTime.parse("09:00"), LocalTime.parse("17:00")));

        // 20:00 in Shanghai
        var decision = policy.decide("WP-0001", REPAIR, Set.of(), null, Instant.parse("2026-12-02T12:00:00Z"));

        assertThat(decision.technician().technicianId()).isEqualTo("T-002");
        assertThat(decision.reason())
                .startsWith("original installer T-001 of WP-0001 outside working hours (09:00–17:00)");
    }

    @Test
    void an_installation_goes_to_the_selling_dealers_least_loaded_installer() {
        technicians.upsert(technician("T-001", "D-SH", true, 3));
        technicians.upsert(technician("T-002", "D-SH", true, 1));
        var request = new InstallationRequest("RO-600", WATER_PURIFIER, LocalDate.parse("2026-11-20"), "D-SH", false);

        var decision = policy.decideInstallation(request, new Site("上海", "310115"), Set.of(), null, null);

        assertThat(decision.technician().technicianId()).isEqualTo("T-002");
        assertThat(decision.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
        assertThat(decision.installation()).isNull();
        assertThat(decision.reason()).isEqualTo("installer of selling dealer D-SH (1 open assignments)");
    }

    @Test
    void an_installation_nobody_at_the_selling_dealer_can_do_goes_to_the_nearest_service_point() {
        technicians.upsert(technician("T-001", "D-SH", false, 0));
        servicePoints.upsert(new ServicePoint("SP-1", "浦东维修点", ServicePointType.SERVICE_POINT, "310115", null, null));
        technicians.upsert(technician("T-SP", "SP-1", true, 0));
        var request = new InstallationRequest("RO-600", WATER_PURIFIER, LocalDate.parse("2026-11-20"), "D-SH", false);

        var decision = policy.decideInstallation(request, new Site("上海", "310115"), Set.of(), null, null);

        assertThat(decision.technician().technicianId()).isEqualTo("T-SP");
        assertThat(decision.rule()).isEqualTo(AssignmentRule.SERVICE_POINT);
        assertThat(decision.reason()).startsWith("no available installer at selling dealer D-SH");
    }

    @Test
    void a_revisit_on_a_fee_dispute_is_repair_work_for_the_technicians_kinds_of_work() {
        installations.add(installation("WP-0001", "D-SH", "T-001"));
        technicians.upsert(new Technician(
                "T-001", "李师傅", "D-SH", true, Set.of(WATER_PURIFIER), Set.of("REPAIR"), Technician.UNLIMITED, 0));

        var decision = policy.decide("WP-0001", "FEE_DISPUTE", Set.of(), null, null);

        assertThat(decision.technician().technicianId()).isEqualTo("T-001");
    }
}
