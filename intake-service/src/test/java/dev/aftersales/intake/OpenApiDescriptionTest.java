package dev.aftersales.intake;

import dev.aftersales.chassis.test.ApiDescription;
import dev.aftersales.chassis.test.ApiDescriptionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * {@code docs/openapi/intake-service.yaml} describes the doors of this code: regenerate it with
 * {@code -D{@value ApiDescription#WRITE}=true} (README, "API and event descriptions") when a door changes.
 */
@ApiDescriptionTest
class OpenApiDescriptionTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void the_checked_in_openapi_document_describes_every_door_of_the_code() throws Exception {
        ApiDescription.of(
                        "intake-service",
                        "The hotline's door (call-center software): register complaints, look cases up, follow a case's timeline and callers.",
                        "http://localhost:8081",
                        port)
                .checkAgainstCheckedInFile();
    }
}
