package dev.aftersales.intake.caller.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InstalledMachineTest {

    static final LocalDate INSTALLED = LocalDate.parse("2024-05-03");

    static InstalledMachine machine(LocalDate wholeUntil, LocalDate partsUntil) {
        return new InstalledMachine(
                "AC-1",
                "KFR-35",
                "AC",
                "CU-1",
                "王芳",
                "13812345678",
                "上海",
                "310115",
                "D-SH",
                "T-001",
                INSTALLED,
                wholeUntil,
                partsUntil,
                0);
    }

    @Test
    void the_whole_machine_is_covered_on_its_last_day_and_not_the_day_after() {
        var machine = machine(LocalDate.parse("2025-05-02"), LocalDate.parse("2027-05-02"));

        assertThat(machine.warrantyOn(LocalDate.parse("2025-05-02"))
                        .wholeMachine()
                        .covered())
                .isTrue();
        assertThat(machine.warrantyOn(LocalDate.parse("2025-05-03"))
                        .wholeMachine()
                        .covered())
                .isFalse();
        assertThat(machine.warrantyOn(LocalDate.parse("2025-05-03")).mainParts().covered())
                .isTrue();
    }

    @Test
    void main_parts_are_covered_on_their_last_day_and_not_the_day_after() {
        var machine = machine(LocalDate.parse("2025-05-02"), LocalDate.parse("2027-05-02"));

        assertThat(machine.warrantyOn(LocalDate.parse("2027-05-02")).mainParts().covered())
                .isTrue();
        assertThat(machine.warrantyOn(LocalDate.parse("2027-05-03")).mainParts().covered())
                .isFalse();
        assertThat(machine.warrantyOn(LocalDate.parse("2027-05-03")).mainParts().until())
                .isEqualTo(LocalDate.parse("2027-05-02"));
    }

    @Test
    void without_dates_from_the_archive_no_warranty_is_on_record() {
        // The archive (dispatch) owns the warranty rule and sends the dates; intake does not guess them.
        var warranty = machine(null, null).warrantyOn(INSTALLED);

        assertThat(warranty.wholeMachine()).isEqualTo(new Warranty.Cover(null, false));
        assertThat(warranty.mainParts()).isEqualTo(new Warranty.Cover(null, false));
    }
}
