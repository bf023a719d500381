package dev.aftersales.followup;

import dev.aftersales.chassis.test.ApiDescription;
import dev.aftersales.chassis.test.ApiDescriptionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;

/**
 * {@code docs/openapi/followup-service.yaml} describes the doors of this code: regenerate it with
 * {@code -D{@value ApiDescription#WRITE}=true} (README, "API and event descriptions") when a door changes.
 */
@ApiDescriptionTest
@Import(FollowupTestClock.class)
class OpenApiDescriptionTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void the_checked_in_openapi_document_describes_every_door_of_the_code() throws Exception {
        ApiDescription.of(
                        "followup-service",
                        "Return-call agents and supervisors: return calls due, their outcomes, surveys and SERVQUAL scores, care schedules and quality reports.",
                        "http://localhost:8084",
                        port)
                .checkAgainstCheckedInFile();
    }
}
