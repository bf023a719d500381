package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.local.DemoArchive.Machine;
import dev.aftersales.local.DemoArchive.StockLine;
import dev.aftersales.local.DemoArchive.Technician;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoArchiveTest {

    private final DemoArchive archive = DemoArchive.get();

    @Test
    void has_dealers_installers_customers_machines_and_parts_as_the_readme_promises() {
        assertThat(archive.dealers()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(archive.technicians()).hasSize(8);
        assertThat(archive.technicians()).filteredOn(t -> !t.active()).hasSize(1);
        assertThat(archive.customers()).hasSize(50);
        assertThat(archive.machines()).hasSize(50);
        assertThat(archive.machines().stream().map(Machine::productLine).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        DemoArchive.WATER_PURIFIER, DemoArchive.AIR_CONDITIONER, DemoArchive.EXCAVATOR);
        assertThat(archive.parts()).hasSize(20);
        var locations =
                archive.stock().stream().collect(Collectors.groupingBy(StockLine::locationId, Collectors.counting()));
        assertThat(locations).hasSize(archive.dealers().size() + 1).containsEntry(DemoArchive.FACTORY, 20L);
        assertThat(locations.values()).allMatch(count -> count == 20);
        assertThat(archive.stock()).allMatch(line -> line.onHand() > 0);
    }

    @Test
    void the_machine_of_the_api_example_was_installed_by_t001_for_the_shanghai_dealer() {
        var machine = archive.machine("WP-0001");

        assertThat(machine.installerId()).isEqualTo("T-001");
        assertThat(machine.dealerId()).isEqualTo("D-SH");
        assertThat(machine.installedOn()).isEqualTo(LocalDate.of(2024, 5, 3));
        assertThat(archive.customer(machine.customerId()).name()).isEqualTo("王芳");
        assertThat(archive.customer(machine.customerId()).address()).isEqualTo("上海市浦东新区张江路88号");
    }

    @Test
    void every_machine_has_an_installer_of_its_dealer_and_an_active_technician_to_send() {
        for (var machine : archive.machines()) {
            var installer = archive.technician(machine.installerId());
            assertThat(installer.dealerId()).as(machine.serialNumber()).isEqualTo(machine.dealerId());
            assertThat(archive.technicians())
                    .as("active technicians for " + machine.serialNumber())
                    .anyMatch(t -> t.active() && covers(t, machine));
        }
        assertThat(archive.machines())
                .anyMatch(m -> !archive.technician(m.installerId()).active());
    }

    @Test
    void customers_have_valid_phones_and_distinct_ids() {
        assertThat(archive.customers()).allMatch(c -> c.phone().matches("1[3-9]\\d{9}"));
        assertThat(archive.customers().stream().map(c -> c.customerId()).distinct())
                .hasSize(50);
        assertThat(archive.machines().stream().map(Machine::serialNumber).distinct())
                .hasSize(50);
        assertThat(archive.machines())
                .allMatch(m -> m.productionDate().isBefore(m.purchasedOn())
                        && m.purchasedOn().isBefore(m.installedOn()));
    }

    private static boolean covers(Technician technician, Machine machine) {
        return technician.dealerId().equals(machine.dealerId())
                && technician.productLines().contains(machine.productLine());
    }
}
