package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** Planning fed by dispatch's events: the installed base from the archive, usage from completed visits. */
@ServiceSliceTest
class PlanningTest {

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    record Plan(String dealerId, String partNumber, double leadTimeDays, double leadTimeDemand, int recommended) {}

    static InstallationRecorded installed(String serial, String dealerId) {
        return new InstallationRecorded(
                serial,
                "PLAN-M",
                "WATER_PURIFIER",
                null,
                null,
                null,
                null,
                null,
                dealerId,
                null,
                LocalDate.of(2025, 1, 1),
                null,
                null);
    }

    @Test
    void recommends_stock_from_usage_per_model_and_the_dealers_installed_base() throws Exception {
        try (var events = new TestEvents(brokers)) {
            events.publish(installed("PLAN-S1", "D-PLAN"), "PLAN-S1");
            events.publish(installed("PLAN-S2", "D-PLAN-OTHER"), "PLAN-S2");
            events.publish(
                    new VisitCompleted(
                            "ASG-C-plan",
                            "C-plan",
                            "T-PLAN",
                            "D-PLAN-OTHER",
                            "PLAN-S2",
                            null,
                            null,
                            List.of(new PartLine("PLAN-P", 4)),
                            BigDecimal.ZERO,
                            true,
                            Instant.now()),
                    "C-plan");
        }
        // 4 units used on the 2 machines of the model in 365 days; the dealer has 1 of them; 7 safety days.
        var daily = 4.0 / 2 / 365 * 1;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var plan = plan("PLAN-P");
            assertThat(plan.leadTimeDemand()).isCloseTo(daily * plan.leadTimeDays(), within(1e-9));
            assertThat(plan.recommended()).isEqualTo((int) Math.ceil(daily * (plan.leadTimeDays() + 7)));
            assertThat(plan.recommended()).isPositive();
        });
        assertThat(new PartsApi(port)
                        .get("/api/planning/D-PLAN/PLAN-P", TestTokens.dealer("dealer-x", "D-OTHER"))
                        .statusCode())
                .isEqualTo(403);
    }

    Plan plan(String part) throws Exception {
        var response = new PartsApi(port).get("/api/planning/D-PLAN/" + part, TestTokens.ops());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EventJson.read(response.body().getBytes(), Plan.class);
    }
}
