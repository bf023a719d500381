package dev.aftersales.parts;

import dev.aftersales.chassis.test.ApiDescription;
import dev.aftersales.chassis.test.ApiDescriptionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * {@code docs/openapi/parts-service.yaml} describes the doors of this code: regenerate it with
 * {@code -D{@value ApiDescription#WRITE}=true} (README, "API and event descriptions") when a door changes.
 */
@ApiDescriptionTest
class OpenApiDescriptionTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void the_checked_in_openapi_document_describes_every_door_of_the_code() throws Exception {
        ApiDescription.of(
                        "parts-service",
                        "Dealers and the factory warehouse: stock levels, restocking, reservations, transfers between locations and backorders.",
                        "http://localhost:8083",
                        port)
                .checkAgainstCheckedInFile();
    }
}
