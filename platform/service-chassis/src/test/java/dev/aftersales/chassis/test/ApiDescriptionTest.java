package dev.aftersales.chassis.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@link ServiceSliceTest} with springdoc's description door switched on, for {@link
 * ApiDescription}. springdoc is a test dependency only: the running service has no such door, so it
 * needs no row in the authorization table; every other slice test has it off too. Its context (and
 * embedded broker) is its own, so the other slice tests' broker address is put back after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceSliceTest
@ExtendWith(EmbeddedBrokerProperty.class)
@TestPropertySource(
        properties = {
            "springdoc.api-docs.enabled=true",
            "springdoc.api-docs.version=openapi_3_1",
            "springdoc.writer-with-order-by-keys=true",
            "springdoc.default-produces-media-type=application/json",
            // the chassis' problem answers are described once, by ApiDescription, not per advice method
            "springdoc.override-with-generic-response=false",
            // operations' doors: described in the README and docs/authorization.md, not for API clients
            "springdoc.paths-to-exclude=/admin/**",
            "springdoc.show-actuator=false"
        })
public @interface ApiDescriptionTest {}
