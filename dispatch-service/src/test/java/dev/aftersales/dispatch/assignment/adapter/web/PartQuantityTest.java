package dev.aftersales.dispatch.assignment.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

import dev.aftersales.dispatch.DispatchProperties.PartLine;
import jakarta.validation.ConstraintValidatorContext;
import org.junit.jupiter.api.Test;

class PartQuantityTest {

    final ConstraintValidatorContext context = mock(ConstraintValidatorContext.class, RETURNS_DEEP_STUBS);

    @Test
    void by_default_a_line_takes_1_to_20() {
        var validator = new PartQuantity.Validator();

        assertThat(validator.isValid(1, context)).isTrue();
        assertThat(validator.isValid(20, context)).isTrue();
        assertThat(validator.isValid(0, context)).isFalse();
        assertThat(validator.isValid(21, context)).isFalse();
        assertThat(validator.isValid(null, context))
                .as("null is @NotNull's to refuse")
                .isTrue();
    }

    @Test
    void the_bounds_follow_the_configuration() {
        var validator = new PartQuantity.Validator(new PartLine(2, 5));

        assertThat(validator.isValid(1, context)).isFalse();
        assertThat(validator.isValid(5, context)).isTrue();
        assertThat(validator.isValid(6, context)).isFalse();
    }

    @Test
    void bounds_below_one_or_upside_down_are_refused_at_start() {
        assertThatThrownBy(() -> new PartLine(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartLine(5, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
