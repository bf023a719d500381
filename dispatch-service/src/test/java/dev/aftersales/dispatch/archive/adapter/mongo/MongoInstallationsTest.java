package dev.aftersales.dispatch.archive.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.InstallationRecords;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.Site;
import java.time.LocalDate;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Machine records already in the running service's store read through both of the archive's ports. */
@ServiceSliceTest
class MongoInstallationsTest {

    @Autowired
    Installations installations;

    @Autowired
    InstallationRecords records;

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_record_stored_before_the_facts_were_unwrapped_reads_with_its_serial_number_and_date() {
        var serialNumber = "WP-" + UUID.randomUUID();
        var stored = Document.parse(InstallationDocumentShapeTest.STORED_BEFORE_UNWRAPPING);
        stored.put("_id", serialNumber);
        mongo.getCollection("installations").insertOne(stored);

        var installation = installations.bySerialNumber(serialNumber).orElseThrow();
        assertThat(installation.serialNumber()).isEqualTo(serialNumber);
        assertThat(installation.installedOn()).isEqualTo(LocalDate.parse("2024-05-03"));
        assertThat(installation.installerId()).isEqualTo("T-002");

        var record = records.bySerialNumber(serialNumber).orElseThrow();
        assertThat(record.installation()).isEqualTo(installation);
        assertThat(record.revision()).isEqualTo(1);
    }

    @Test
    void the_service_stores_a_machine_with_its_installation_date_as_an_iso_date_string() {
        var serialNumber = "WP-" + UUID.randomUUID();
        installations.add(new Installation(
                serialNumber,
                "RO-400",
                "WATER_PURIFIER",
                "CU-001",
                "D-SH",
                "T-001",
                LocalDate.parse("2024-05-03"),
                new Site("上海市浦东新区张江路88号", "310115")));

        var stored = mongo.getCollection("installations")
                .find(new Document("_id", serialNumber))
                .first();
        assertThat(stored)
                .containsEntry("serialNumber", serialNumber)
                .containsEntry("installedOn", "2024-05-03")
                .containsEntry("dealerId", "D-SH")
                .containsEntry("version", 0L);
        assertThat(installations.bySerialNumber(serialNumber).orElseThrow().installedOn())
                .isEqualTo(LocalDate.parse("2024-05-03"));
    }

    @Test
    void a_bulk_import_marks_its_events_before_writing_and_hands_only_the_inserted_machines_events_to_the_relay() {
        var handed = new java.util.ArrayList<String>();
        var relay =
                new dev.aftersales.chassis.outbox.OutboxRelay(
                        null,
                        mongo,
                        "bulk-test",
                        10,
                        java.time.Duration.ofHours(1),
                        java.time.Duration.ofSeconds(5),
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry()) {
                    @Override
                    public void enqueue(
                            String collection,
                            String aggregateId,
                            java.util.List<dev.aftersales.chassis.aggregate.OutboxEvent> events) {
                        events.forEach(e -> handed.add(aggregateId + " " + e.type()));
                    }
                };
        var bulk = new MongoInstallationRecords(mongo, relay);
        var archived = "WP-" + UUID.randomUUID();
        var fresh = "WP-" + UUID.randomUUID();
        var warranty = new dev.aftersales.dispatch.archive.domain.Warranty(
                LocalDate.parse("2025-05-03"), LocalDate.parse("2027-05-03"));
        bulk.addAllNew(java.util.List.of(dev.aftersales.dispatch.archive.domain.InstallationRecord.imported(
                installation(archived), null, warranty, false)));
        handed.clear();

        bulk.addAllNew(java.util.List.of(
                dev.aftersales.dispatch.archive.domain.InstallationRecord.imported(
                        installation(archived), null, warranty, false),
                dev.aftersales.dispatch.archive.domain.InstallationRecord.imported(
                        installation(fresh), null, warranty, false)));

        assertThat(handed).containsExactly(fresh + " aftersales.dispatch.InstallationRecorded.v1");
        var pending = mongo.getCollection("installations")
                .find(new Document("_id", fresh))
                .first()
                .get("outbox", Document.class)
                .getList("pending", Document.class)
                .get(0);
        var mark = "installations/" + fresh + "/" + pending.getString("eventId");
        assertThat(mongo.getCollection(dev.aftersales.chassis.outbox.OutboxRelay.MARKERS)
                        .countDocuments(new Document("_id", mark)))
                .isOne();
    }

    private static Installation installation(String serialNumber) {
        return new Installation(
                serialNumber,
                "RO-400",
                "WATER_PURIFIER",
                "CU-001",
                "D-SH",
                "T-001",
                LocalDate.parse("2024-05-03"),
                new Site("上海市浦东新区张江路88号", "310115"));
    }
}
