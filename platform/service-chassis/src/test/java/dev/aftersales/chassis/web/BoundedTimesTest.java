package dev.aftersales.chassis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.databind.json.JsonMapper;

/** Times far outside a business record's years are a 400 naming the field, before any use case adds to them. */
class BoundedTimesTest {

    record Visit(Instant arrivedAt, LocalDate installedOn) {}

    private final RequestJsonConverter converter = RequestJsonConverter.of(
            JsonMapper.builder().build(),
            Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void times_within_the_years_a_record_can_be_about_are_read() throws IOException {
        var visit = read("{\"arrivedAt\":\"2199-12-31T23:59:59Z\",\"installedOn\":\"1900-01-01\"}");

        assertThat(visit).isEqualTo(new Visit(Instant.parse("2199-12-31T23:59:59Z"), LocalDate.of(1900, 1, 1)));
    }

    @Test
    void a_time_in_the_year_999999999_is_refused_naming_its_field() {
        var refused = catchThrowableOfType(
                InvalidRequestException.class,
                () -> read("{\"arrivedAt\":\"+999999999-12-31T23:59:59Z\",\"installedOn\":\"2026-11-30\"}"));

        assertThat(refused.errors()).extracting(FieldProblem::field).containsExactly("arrivedAt");
        assertThat(refused.errors().get(0).message()).contains("1900").contains("2199");
    }

    @Test
    void dates_just_outside_the_years_are_refused_each_by_name() {
        var refused = catchThrowableOfType(
                InvalidRequestException.class,
                () -> read("{\"arrivedAt\":\"2200-01-01T00:00:00Z\",\"installedOn\":\"1899-12-31\"}"));

        assertThat(refused.errors())
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("arrivedAt", "installedOn");
    }

    private Visit read(String json) throws IOException {
        var input = new MockHttpInputMessage(json.getBytes(StandardCharsets.UTF_8));
        return (Visit) converter.read(ResolvableType.forClass(Visit.class), input, Map.of());
    }
}
