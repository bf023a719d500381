package dev.aftersales.chassis.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "13812345678        | +8613812345678",
                "138-1234-5678      | +8613812345678",
                "138 1234 5678      | +8613812345678",
                "+86 138 1234 5678  | +8613812345678",
                "+86-13812345678    | +8613812345678",
                "008613812345678    | +8613812345678",
                "8613812345678      | +8613812345678",
                "021-68881234       | +862168881234",
                "(021) 6888 1234    | +862168881234",
                "+86 21 6888 1234   | +862168881234",
                "+86 021 6888 1234  | +862168881234",
                "0755-2345678       | +867552345678",
            })
    void a_number_is_keyed_the_same_however_it_is_typed(String typed, String key) {
        assertThat(PhoneNumber.key(typed)).hasValue(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "abc", "+1 415 555 0100", "1381234567", "0"})
    void what_is_not_a_chinese_number_has_no_key(String typed) {
        assertThat(PhoneNumber.key(typed)).isEmpty();
    }
}
