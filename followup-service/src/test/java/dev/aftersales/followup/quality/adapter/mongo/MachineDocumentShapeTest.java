package dev.aftersales.followup.quality.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.test.StoredShape;
import dev.aftersales.followup.quality.domain.Machine;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MachineDocumentShapeTest {

    static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    static final String STORED = """
            {"_id": "WP-0001", \
            "model": "RO-400", \
            "productLine": "purifiers", \
            "customerId": "CU-2", \
            "dealerId": "D-1", \
            "lastComplaintId": "C-1", \
            "lastCompletedAt": {"$date": "2026-03-10T10:00:00Z"}, \
            "archiveRevision": 1, \
            "_class": "dev.aftersales.followup.quality.adapter.mongo.MachineDocument"}""";

    final StoredShape shape = new StoredShape();

    static Machine everythingSet() {
        var machine = Machine.unknown("WP-0001");
        machine.installed("RO-400", "purifiers", "CU-1", "D-1");
        machine.corrected(1, "RO-400", "purifiers", "CU-2", "D-1");
        machine.visitCompleted("C-1", AT);
        machine.faultReported("C-2", null, AT.plus(Duration.ofDays(3)), Duration.ofDays(90));
        return machine;
    }

    @Test
    void a_machine_is_stored_with_the_same_fields_as_before() {
        assertThat(shape.json(MachineDocument.of(everythingSet()))).isEqualTo(STORED.strip());
    }

    @Test
    void a_machine_reads_back_as_it_was_written() {
        var machine = everythingSet();
        var back = shape.read(MachineDocument.class, shape.write(MachineDocument.of(machine)))
                .toMachine();

        assertThat(shape.json(MachineDocument.of(back))).isEqualTo(shape.json(MachineDocument.of(machine)));
        assertThat(Outbox.of(back.events()).pending())
                .hasSameSizeAs(Outbox.of(machine.events()).pending());
    }

    @Test
    void a_machine_stored_before_archive_corrections_existed_reads_as_revision_zero() {
        var old = Document.parse("""
                {"_id": "WP-0002", "model": "RO-400", "productLine": "purifiers", "customerId": "CU-1", \
                "dealerId": "D-1", "_class": "dev.aftersales.followup.quality.adapter.mongo.MachineDocument"}""");

        var machine = shape.read(MachineDocument.class, old).toMachine();

        assertThat(machine.archiveRevision()).isZero();
        assertThat(machine.customerId()).isEqualTo("CU-1");
    }
}
