package dev.aftersales.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.BodyFuzzer;
import dev.aftersales.chassis.test.BodyFuzzer.Seed;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.followup.returncall.application.ScheduleReturnCall;
import dev.aftersales.followup.returncall.application.ScheduleReturnCallCommand;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated bodies at every POST/PUT door of followup ({@link BodyFuzzer}): never a 5xx, a refusal
 * stores and publishes nothing, and no caller's input becomes a meter. Attempts and surveys are
 * seeded on a return call that is due, tiers on a new customer.
 */
@ServiceSliceTest
@Import(FollowupTestClock.class)
class BodyFuzzingTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    ScheduleReturnCall scheduleReturnCall;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void generated_bodies_get_an_answer_or_a_problem_and_a_refusal_changes_nothing() throws Exception {
        var survey = survey();
        BodyFuzzer.of("followup", port, context, brokers)
                .seed(
                        "POST /api/return-calls/{returnCallId}/attempts",
                        () -> new Seed(
                                "/api/return-calls/" + dueReturnCall() + "/attempts", "{\"outcome\": \"NO_ANSWER\"}"))
                .seed(
                        "POST /api/return-calls/{returnCallId}/survey",
                        () -> new Seed("/api/return-calls/" + dueReturnCall() + "/survey", survey))
                .seed(
                        "PUT /api/customers/{customerId}/tier",
                        () -> new Seed(
                                "/api/customers/FZ-"
                                        + UUID.randomUUID().toString().substring(0, 8) + "/tier",
                                "{\"tier\": \"KEY\"}"))
                .verify();
    }

    /** A return call after a visit completed 49 hours ago: due an hour ago. */
    private String dueReturnCall() {
        var assignmentId = "ASG-F" + UUID.randomUUID().toString().substring(0, 8);
        var completedAt = clock.instant().minus(Duration.ofHours(49));
        scheduleReturnCall.schedule(ScheduleReturnCallCommand.afterVisit(
                UUID.randomUUID().toString(), assignmentId, "C-" + assignmentId, completedAt));
        return ReturnCall.idAfterVisit(assignmentId, 1);
    }

    private String survey() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/questionnaires/servqual-zh-v1"))
                        .header("Authorization", "Bearer " + TestTokens.agent("agent-fuzz"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var answers = new StringBuilder();
        for (var question : JSON.readTree(response.body()).path("questions")) {
            if (!answers.isEmpty()) {
                answers.append(',');
            }
            answers.append("{\"questionId\": \"%s\", \"expectation\": 6, \"perception\": 5}"
                    .formatted(question.path("id").asString()));
        }
        return """
                {"questionnaireId": "servqual-zh-v1", "answers": [%s], "solved": true, "satisfaction": 4}""".formatted(answers);
    }
}
