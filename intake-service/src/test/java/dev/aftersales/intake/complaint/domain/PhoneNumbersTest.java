package dev.aftersales.intake.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "19912345678", "15000000000"})
    void accepts_mainland_mobiles(String phone) {
        assertThat(PhoneNumbers.isValid(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"021-12345678", "02112345678", "0755-1234567", "07551234567", "010-1234567"})
    void accepts_landlines_with_their_area_code(String phone) {
        assertThat(PhoneNumbers.isValid(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+8613812345678", "+14155550123", "+4930123456", "+1234567"})
    void accepts_international_numbers_in_e164(String phone) {
        assertThat(PhoneNumbers.isValid(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12812345678", // mobiles start 13-19
                "1381234567", // one digit short
                "138123456789", // one digit long
                "138 1234 5678", // separators are not stripped
                " 13812345678",
                "21-12345678", // landline without its leading 0
                "021-123456", // local number too short
                "021--12345678",
                "+0123456789", // no country code starts with 0
                "+123456", // too short for E.164
                "+1234567890123456", // too long for E.164
                "8613812345678", // international without +
                "１３８１２３４５６７８", // full-width digits
                "abc"
            })
    void refuses_anything_else(String phone) {
        assertThat(PhoneNumbers.isValid(phone)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refuses_a_missing_number(String phone) {
        assertThat(PhoneNumbers.isValid(phone)).isFalse();
    }
}
