package dev.aftersales.followup.casefile.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.test.StoredShape;
import dev.aftersales.followup.casefile.domain.CaseFile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFileDocumentShapeTest {

    static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    static final String STORED = """
            {"_id": "C-1", \
            "serialNumber": "WP-0001", \
            "model": "RO-400", \
            "batchNumber": "B-7", \
            "customerId": "CU-1", \
            "technicianId": "T-1", \
            "dealerId": "D-1", \
            "partsUsed": ["FILTER-RO"], \
            "steps": [{"at": {"$date": "2026-03-10T10:00:00Z"}, "what": "registered"}, {"at": {"$date": "2026-03-10T10:01:00Z"}, "what": "technician T-1 assigned"}, {"at": {"$date": "2026-03-10T11:00:00Z"}, "what": "visit completed by T-1, fixed, parts FILTER-RO"}, {"at": {"$date": "2026-03-10T12:00:00Z"}, "what": "customer dissatisfied in round 1: not solved"}], \
            "visits": [{"assignmentId": "ASG-C-1", "completedAt": {"$date": "2026-03-10T11:00:00Z"}, "round": 1}], \
            "round": 2, \
            "state": "OPEN", \
            "_class": "dev.aftersales.followup.casefile.adapter.mongo.CaseFileDocument"}""";

    final StoredShape shape = new StoredShape();

    static CaseFile everythingSet() {
        var file = CaseFile.open("C-1");
        file.registered("WP-0001", "RO-400", "B-7", "CU-1", AT, "registered");
        file.assigned("T-1", "D-1", AT.plusSeconds(60));
        file.visitCompleted("ASG-C-1", "WP-0001", "T-1", "D-1", List.of("FILTER-RO"), true, AT.plusSeconds(3600));
        file.surveyAnswered(false, 2, 3, AT.plusSeconds(7200));
        return file;
    }

    @Test
    void a_case_file_is_stored_with_the_same_fields_as_before() {
        assertThat(shape.json(CaseFileDocument.of(everythingSet()))).isEqualTo(STORED.strip());
    }

    @Test
    void a_case_file_reads_back_as_it_was_written() {
        var file = everythingSet();
        var back = shape.read(CaseFileDocument.class, shape.write(CaseFileDocument.of(file)))
                .toCaseFile();

        assertThat(shape.json(CaseFileDocument.of(back))).isEqualTo(shape.json(CaseFileDocument.of(file)));
        assertThat(Outbox.of(back.events()).pending())
                .hasSameSizeAs(Outbox.of(file.events()).pending());
    }
}
