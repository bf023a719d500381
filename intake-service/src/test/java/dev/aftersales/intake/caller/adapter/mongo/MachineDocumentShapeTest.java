package dev.aftersales.intake.caller.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.intake.caller.domain.InstalledMachine;
import java.time.LocalDate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/** Pins the stored form of the caller lookup's archive copy, written with the service's own converter. */
@ServiceSliceTest
class MachineDocumentShapeTest {

    static final String STORED = """
            {"_id": "WP-0001", \
            "model": "RO-400", \
            "productLine": "RO", \
            "customerId": "CU-1", \
            "customerName": "王芳", \
            "customerPhone": "13812345678", \
            "address": "上海市浦东新区张江路88号", \
            "regionCode": "310115", \
            "dealerId": "D-SH", \
            "installerId": "T-1", \
            "installedOn": "2024-05-03", \
            "wholeMachineWarrantyUntil": "2025-05-03", \
            "mainPartsWarrantyUntil": "2027-05-03", \
            "revision": 2, \
            "_class": "dev.aftersales.intake.caller.adapter.mongo.MachineDocument"}""";

    @Autowired
    MongoConverter converter;

    static InstalledMachine everythingSet() {
        return new InstalledMachine(
                "WP-0001",
                "RO-400",
                "RO",
                "CU-1",
                "王芳",
                "13812345678",
                "上海市浦东新区张江路88号",
                "310115",
                "D-SH",
                "T-1",
                LocalDate.parse("2024-05-03"),
                LocalDate.parse("2025-05-03"),
                LocalDate.parse("2027-05-03"),
                2);
    }

    Document write(Object document) {
        var bson = new Document();
        converter.write(document, bson);
        return bson;
    }

    @Test
    void an_archive_entry_is_stored_with_the_same_fields_as_before() {
        assertThat(Document.parse(write(MachineDocument.of(everythingSet())).toJson()))
                .isEqualTo(Document.parse(STORED));
    }

    @Test
    void an_archive_entry_reads_back_as_it_was_written() {
        var back = converter
                .read(MachineDocument.class, write(MachineDocument.of(everythingSet())))
                .toMachine();

        assertThat(back).isEqualTo(everythingSet());
    }

    @Test
    void an_entry_written_before_corrections_existed_reads_as_revision_0() {
        var old = Document.parse(STORED);
        old.remove("revision");

        assertThat(converter.read(MachineDocument.class, old).toMachine().revision())
                .isZero();
    }
}
