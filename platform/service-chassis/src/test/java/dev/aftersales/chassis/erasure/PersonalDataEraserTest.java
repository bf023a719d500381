package dev.aftersales.chassis.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class PersonalDataEraserTest {

    final PersonalDataEraser eraser =
            new PersonalDataEraser(List.of("王芳", "王女士"), List.of("+8613812345678"), List.of("CU-1"));

    @Test
    void a_case_of_theirs_loses_name_phones_however_typed_and_the_address_beside_them_but_keeps_its_facts() {
        var document = Document.parse("""
                {"_id": "C-1", "customer": {"name": "王芳", "phones": ["138-1234-5678", "+86 138 1234 5678"],
                 "address": "上海市浦东新区张江路88号", "regionCode": "310115"},
                 "symptoms": "漏水，王女士说晚上打 138 1234 5678", "serialNumber": "WP-1", "kind": "REPAIR"}""");

        assertThat(eraser.erase(document)).isTrue();

        var json = document.toJson();
        assertThat(json).doesNotContain("王芳", "王女士", "1234", "张江路");
        var customer = (Document) document.get("customer");
        assertThat(customer.getString("name")).isEqualTo(PersonalDataEraser.ERASED);
        assertThat(customer.getString("address")).isEqualTo(PersonalDataEraser.ERASED);
        assertThat(customer.getString("regionCode")).isEqualTo("310115");
        assertThat(document.getString("symptoms")).isEqualTo("漏水，[erased]说晚上打 [erased]");
        assertThat(document.getString("serialNumber")).isEqualTo("WP-1");
        assertThat(eraser.erase(document)).as("a second erasure finds nothing").isFalse();
    }

    @Test
    void an_event_waiting_in_an_outbox_is_erased_inside_its_json() {
        var document = new Document("_id", "WP-1")
                .append("customerId", "CU-1")
                .append(
                        "outbox",
                        new Document(
                                "pending",
                                List.of(new Document(
                                        "payload",
                                        "{\"serialNumber\":\"WP-1\",\"customerId\":\"CU-1\",\"customerName\":\"王芳\","
                                                + "\"customerPhone\":\"13812345678\",\"address\":\"张江路88号\"}"))));

        assertThat(eraser.erase(document)).isTrue();

        var payload = ((List<Document>) ((Document) document.get("outbox")).get("pending"))
                .get(0)
                .getString("payload");
        assertThat(Document.parse(payload))
                .containsEntry("serialNumber", "WP-1")
                .containsEntry("customerName", PersonalDataEraser.ERASED)
                .containsEntry("customerPhone", PersonalDataEraser.ERASED)
                .containsEntry("address", PersonalDataEraser.ERASED);
    }

    @Test
    void someone_else_with_the_same_name_keeps_it() {
        var document = Document.parse("""
                {"_id": "C-2", "customerId": "CU-2", "customer": {"name": "王芳", "phones": ["13900000000"]}}""");

        assertThat(eraser.erase(document)).isFalse();
        assertThat(document.toJson()).contains("王芳", "13900000000");
    }

    @Test
    void a_stored_answer_of_an_idempotent_request_is_erased_inside_its_bytes() {
        var body = "{\"complaintId\":\"C-1\",\"customer\":{\"name\":\"王芳\",\"phones\":[\"13812345678\"]}}";
        var document = new Document("_id", "key-1")
                .append("body", new org.bson.types.Binary(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(eraser.erase(document)).isTrue();

        var erased = new String(
                ((org.bson.types.Binary) document.get("body")).getData(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(erased).contains("C-1").doesNotContain("王芳", "13812345678");
    }
}
