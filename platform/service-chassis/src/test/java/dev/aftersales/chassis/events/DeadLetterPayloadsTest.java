package dev.aftersales.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a dead-letter listing shows of a payload: the shape and the ids, no person and no free text. */
class DeadLetterPayloadsTest {

    @Test
    void names_phones_addresses_and_contacts_are_blanked_wherever_they_are_nested() {
        var redacted = DeadLetterPayloads.redact("""
                {"installationId": "I-1", "customerName": "王芳", "customerPhone": "13812345678",
                 "site": {"siteAddress": "上海市浦东新区张江路88号", "regionCode": "310115"},
                 "contact": {"name": "李雷", "phone": "13900001111"}, "phones": ["13812345678", "021-12345678"]}""");

        assertThat(redacted)
                .contains("\"installationId\":\"I-1\"")
                .contains("\"regionCode\":\"310115\"")
                .doesNotContain("王芳", "13812345678", "张江路", "李雷", "13900001111", "12345678");
    }

    @Test
    void free_text_is_blanked_and_flags_and_numbers_named_like_personal_data_are_kept() {
        var redacted = DeadLetterPayloads.redact("""
                {"complaintId": "C-1", "symptoms": "王芳说漏水", "guidance": "请联系王先生", "reason": "住在张江路",
                 "settledByPhone": true, "feeCharged": 120}""");

        assertThat(redacted)
                .contains("\"complaintId\":\"C-1\"")
                .contains("\"settledByPhone\":true")
                .contains("\"feeCharged\":120")
                .doesNotContain("王芳", "王先生", "张江路");
    }

    @Test
    void a_payload_that_is_not_json_has_its_phone_numbers_masked() {
        assertThat(DeadLetterPayloads.redact("{not json 13812345678"))
                .doesNotContain("13812345678")
                .contains("138****5678");
    }
}
