package dev.aftersales.dispatch.assignment.adapter.web;

import dev.aftersales.dispatch.DispatchProperties;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The quantity of one part line, within the configured {@link DispatchProperties.PartLine}. The validator is
 * made by Spring's validator factory, which hands it the limits; null passes (pair with {@code @NotNull}).
 */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PartQuantity.Validator.class)
@interface PartQuantity {

    String message() default "is outside the allowed quantity per part line";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PartQuantity, Integer> {

        private final DispatchProperties.PartLine limits;

        Validator() {
            this(DispatchProperties.PartLine.DEFAULTS);
        }

        @Autowired
        Validator(DispatchProperties properties) {
            this(properties.partLine());
        }

        Validator(DispatchProperties.PartLine limits) {
            this.limits = limits;
        }

        @Override
        public boolean isValid(Integer quantity, ConstraintValidatorContext context) {
            if (quantity == null || (quantity >= limits.minQuantity() && quantity <= limits.maxQuantity())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            "must be between " + limits.minQuantity() + " and " + limits.maxQuantity())
                    .addConstraintViolation();
            return false;
        }
    }
}
