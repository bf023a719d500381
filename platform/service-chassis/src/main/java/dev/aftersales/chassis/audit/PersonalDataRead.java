package dev.aftersales.chassis.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a door that returns customers' personal data in bulk (a lookup, a list to work through, an
 * export): each call is rate-limited per user and audited ({@link PersonalDataReads}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PersonalDataRead {

    /** What is read, as the audit trail names it: e.g. {@code callers.lookup}. */
    String value();
}
