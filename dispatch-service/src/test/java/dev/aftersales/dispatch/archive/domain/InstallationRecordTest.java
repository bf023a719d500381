package dev.aftersales.dispatch.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.dispatch.InstallationPart;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstallationRecordTest {

    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    static final WarrantyPolicy WARRANTIES = WarrantyPolicy.defaults();

    final InstallationRecord record = InstallationRecord.restore(
            new Installation(
                    "WP-1",
                    "RO-400",
                    "WATER_PURIFIER",
                    "CU-1",
                    "D-SH",
                    "T-001",
                    LocalDate.parse("2025-03-10"),
                    new Site("上海市浦东新区张江路88号", "310115")),
            List.of(),
            3L,
            null);

    @Test
    void a_correction_records_each_changed_field_before_and_after_and_raises_one_event() {
        var correction = record.correct(
                        new CorrectedFacts("T-002", null, null, new Site("上海市浦东新区张江路90号", "310115")),
                        "录错了",
                        "disp-1",
                        NOW,
                        WARRANTIES)
                .orElseThrow();

        assertThat(correction.number()).isEqualTo(1);
        assertThat(correction.parts()).containsExactly(InstallationPart.INSTALLER, InstallationPart.SITE);
        assertThat(correction.changes())
                .containsExactly(
                        new Correction.Change("installerId", "T-001", "T-002"),
                        new Correction.Change("site.address", "上海市浦东新区张江路88号", "上海市浦东新区张江路90号"));
        assertThat(record.installation().installerId()).isEqualTo("T-002");
        assertThat(record.revision()).isEqualTo(1);
        var pending = Outbox.of(record.events()).pending();
        assertThat(pending.stream().filter(e -> !e.isAuditEntry()))
                .singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EventCatalog.INSTALLATION_CORRECTED.type()));
        // the audit entry travels in the same write: who corrected which parts, never the values
        assertThat(pending.stream().filter(e -> e.isAuditEntry()))
                .singleElement()
                .satisfies(e -> assertThat(e.payload())
                        .contains("\"action\":\"archive.corrected\"", "\"parts\":\"INSTALLER,SITE\"")
                        .doesNotContain("张江路"));
    }

    @Test
    void facts_the_record_already_has_change_nothing() {
        var same = record.correct(
                new CorrectedFacts(
                        "T-001", LocalDate.parse("2025-03-10"), new CustomerContact("CU-1", null, null), null),
                "核对",
                "disp-1",
                NOW,
                WARRANTIES);

        assertThat(same).isEmpty();
        assertThat(record.revision()).isZero();
        assertThat(Outbox.of(record.events()).pending()).isEmpty();
    }

    @Test
    void a_new_contact_for_the_same_customer_is_a_correction_of_the_customer() {
        var correction = record.correct(
                        new CorrectedFacts(null, null, new CustomerContact("CU-1", "王芳", "13812345678"), null),
                        "客户换号",
                        "ops-1",
                        NOW,
                        WARRANTIES)
                .orElseThrow();

        assertThat(correction.parts()).containsExactly(InstallationPart.CUSTOMER);
        assertThat(correction.changes()).as("name and phone are not kept").isEmpty();
    }
}
