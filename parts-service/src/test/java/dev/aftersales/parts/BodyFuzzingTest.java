package dev.aftersales.parts;

import static dev.aftersales.chassis.test.AuthorizationMatrix.A;
import static dev.aftersales.chassis.test.AuthorizationMatrix.B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.BodyFuzzer;
import dev.aftersales.chassis.test.BodyFuzzer.Seed;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/**
 * Generated bodies at every POST/PUT door of parts ({@link BodyFuzzer}): never a 5xx, a refusal
 * stores and publishes nothing, and no caller's input becomes a meter. Stock counts and imports are
 * seeded with a new part at the caller's own dealer, locations with a new location.
 */
@ServiceSliceTest
class BodyFuzzingTest {

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    ApplicationContext context;

    @Test
    void generated_bodies_get_an_answer_or_a_problem_and_a_refusal_changes_nothing() throws Exception {
        var locations =
                new PartsApi(port).put("/api/locations", TestTokens.ops(), """
                [{"locationId": "%s", "kind": "DEALER", "regionCode": "310115", "latitude": 31.22, "longitude": 121.54},
                 {"locationId": "%s", "kind": "DEALER", "regionCode": "330106", "latitude": 30.27, "longitude": 120.15}]
                """.formatted(A.dealerId(), B.dealerId()));
        assertThat(locations.statusCode()).as(locations.body()).isEqualTo(200);
        BodyFuzzer.of("parts", port, context, brokers)
                .seed(
                        "PUT /api/stock",
                        () -> new Seed(
                                "/api/stock",
                                "[{\"locationId\": \"%s\", \"partNumber\": \"%s\", \"onHand\": 4, \"reorderPoint\": 1}]"
                                        .formatted(A.dealerId(), newPart())))
                .seed(
                        "POST /api/stock/imports",
                        () -> new Seed(
                                "/api/stock/imports",
                                "[{\"locationId\": \"%s\", \"partNumber\": \"%s\", \"onHand\": 3}]"
                                        .formatted(A.dealerId(), newPart())))
                .seed(
                        "PUT /api/locations",
                        () -> new Seed(
                                "/api/locations",
                                "[{\"locationId\": \"L-F%s\", \"kind\": \"DEALER\", \"regionCode\": \"310115\", \"latitude\": 31.2, \"longitude\": 121.5}]"
                                        .formatted(UUID.randomUUID().toString().substring(0, 8))))
                .verify();
    }

    private static String newPart() {
        return "P-F" + UUID.randomUUID().toString().substring(0, 8);
    }
}
