package dev.aftersales.dispatch.archive.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.test.StoredShape;
import dev.aftersales.dispatch.archive.domain.CorrectedFacts;
import dev.aftersales.dispatch.archive.domain.CustomerContact;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.InstallationRecord;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.archive.domain.WarrantyPolicy;
import java.time.Instant;
import java.time.LocalDate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;

/** Machine records already stored must still read: the field names and value shapes stay as they were. */
class InstallationDocumentShapeTest {

    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    static final String STORED = """
            {"_id": "WP-0001", \
            "serialNumber": "WP-0001", \
            "model": "RO-400", \
            "productLine": "WATER_PURIFIER", \
            "customerId": "CU-002", \
            "dealerId": "D-SH", \
            "installerId": "T-002", \
            "installedOn": "2024-05-03", \
            "site": {"address": "上海市浦东新区张江路90号", "regionCode": "310115", "latitude": 31.2, "longitude": 121.6}, \
            "corrections": [{"number": 1, "correctedBy": "disp-1", "correctedAt": {"$date": "2026-11-30T08:00:00Z"}, \
            "reason": "录错了", "parts": ["INSTALLER", "CUSTOMER", "SITE"], \
            "changes": [{"field": "installerId", "before": "T-001", "after": "T-002"}, \
            {"field": "customer.customerId", "before": "CU-001", "after": "CU-002"}, \
            {"field": "site.address", "before": "上海市浦东新区张江路88号", "after": "上海市浦东新区张江路90号"}, \
            {"field": "site.latitude", "after": "31.2"}, \
            {"field": "site.longitude", "after": "121.6"}]}], \
            "_class": "dev.aftersales.dispatch.archive.adapter.mongo.InstallationDocument"}""";

    /** As records were stored before the installation facts were one unwrapped value: no {@code serialNumber}. */
    static final String STORED_BEFORE_UNWRAPPING = STORED.replace("\"serialNumber\": \"WP-0001\", ", "");

    private final StoredShape shape = new StoredShape(StoreConversions.conversions());

    static InstallationRecord corrected() {
        var installation = new Installation(
                "WP-0001",
                "RO-400",
                "WATER_PURIFIER",
                "CU-001",
                "D-SH",
                "T-001",
                LocalDate.parse("2024-05-03"),
                new Site("上海市浦东新区张江路88号", "310115"));
        var warranties = WarrantyPolicy.defaults();
        var record = InstallationRecord.reported(
                installation, new CustomerContact("CU-001", "王芳", "13812345678"), warranties.warrantyOf(installation));
        record.correct(
                new CorrectedFacts(
                        "T-002",
                        null,
                        new CustomerContact("CU-002", null, null),
                        new Site("上海市浦东新区张江路90号", "310115", 31.2, 121.6)),
                "录错了",
                "disp-1",
                NOW,
                warranties);
        return record;
    }

    @Test
    void a_machine_record_is_stored_with_the_same_fields_as_before() {
        assertThat(shape.json(InstallationDocument.of(corrected()))).isEqualTo(STORED.strip());
    }

    @Test
    void a_machine_record_reads_back_as_it_was_written() {
        var record = corrected();
        var back = shape.read(InstallationDocument.class, shape.write(InstallationDocument.of(record)))
                .toRecord();

        assertThat(shape.json(InstallationDocument.of(back))).isEqualTo(shape.json(InstallationDocument.of(record)));
        assertThat(back.installation()).isEqualTo(record.installation());
        assertThat(back.corrections()).isEqualTo(record.corrections());
        assertThat(Outbox.of(back.events()).pending())
                .hasSameSizeAs(Outbox.of(record.events()).pending());
    }

    @Test
    void a_machine_record_stored_before_the_facts_were_unwrapped_still_reads() {
        var stored = Document.parse(STORED_BEFORE_UNWRAPPING);
        new OlderMachineRecords()
                .onAfterLoad(new AfterLoadEvent<>(stored, InstallationDocument.class, "installations"));

        var record = shape.read(InstallationDocument.class, stored).toRecord();

        assertThat(record.installation()).isEqualTo(corrected().installation());
        assertThat(record.corrections()).isEqualTo(corrected().corrections());
        assertThat(shape.json(InstallationDocument.of(record))).isEqualTo(STORED.strip());
    }
}
