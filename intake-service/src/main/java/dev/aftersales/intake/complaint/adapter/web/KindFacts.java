package dev.aftersales.intake.complaint.adapter.web;

import dev.aftersales.contracts.intake.ComplaintKind;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the kind of a call requires of the form, each fault named by its field so it is reported with
 * every other one: a serial number unless an installation request says what was bought (model,
 * purchase date, selling dealer); a subject for a service-attitude complaint and none on a service
 * request; an installation request only on an installation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KindFacts.Validator.class)
@interface KindFacts {

    String message() default "does not fit the kind of call";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KindFacts, RegisterComplaintRequest> {

        @Override
        public boolean isValid(RegisterComplaintRequest form, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            var valid = true;
            var kind = form.kind();
            var installation = form.installation();
            if (form.machine() != null && !form.serialKnown()) {
                if (kind != ComplaintKind.INSTALLATION || installation == null) {
                    valid = fault(context, "must not be blank", "machine", "serialNumber");
                } else {
                    if (blank(installation.model()) && (form.machine().model() == null)) {
                        valid = fault(
                                context, "is required when the serial number is not known", "installation", "model");
                    }
                    if (installation.purchasedOn() == null && form.purchasedOn() == null) {
                        valid = fault(
                                context,
                                "is required when the serial number is not known",
                                "installation",
                                "purchasedOn");
                    }
                    if (blank(installation.sellingDealerId())) {
                        valid = fault(
                                context,
                                "is required when the serial number is not known",
                                "installation",
                                "sellingDealerId");
                    }
                }
            }
            if (installation != null && kind != null && kind != ComplaintKind.INSTALLATION) {
                valid = fault(context, "is only for an INSTALLATION", "installation");
            }
            if (form.subject() != null && kind != null && kind.needsVisit()) {
                valid = fault(context, "is only for QUALITY_COMPLAINT, FEE_DISPUTE and SERVICE_ATTITUDE", "subject");
            }
            if (form.subject() == null && kind == ComplaintKind.SERVICE_ATTITUDE) {
                valid = fault(context, "is required for SERVICE_ATTITUDE: whom the complaint is about", "subject");
            }
            return valid;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        private static boolean fault(ConstraintValidatorContext context, String message, String... path) {
            var builder = context.buildConstraintViolationWithTemplate(message);
            var node = builder.addPropertyNode(path[0]);
            for (int i = 1; i < path.length; i++) {
                node = node.addPropertyNode(path[i]);
            }
            node.addConstraintViolation();
            return false;
        }
    }
}
