package dev.aftersales.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.AuthorizationMatrix;
import dev.aftersales.chassis.test.AuthorizationMatrix.Target;
import dev.aftersales.chassis.test.ChassisDoors;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every door of followup × every role, as {@code docs/authorization.md} says. Return calls, surveys
 * and care lists are the return-call agents' shared work: every row is about {@code any} record.
 */
@ServiceSliceTest
@Import(FollowupTestClock.class)
class AuthorizationMatrixTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MutableClock clock;

    @Autowired
    ScheduleReturnCall scheduleReturnCall;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void every_door_answers_every_role_as_the_table_says() {
        var matrix = AuthorizationMatrix.of("followup", port, context)
                .door("GET /api/return-calls/due", scene -> Target.at("/api/return-calls/due?within=PT1H"))
                .door(
                        "GET /api/return-calls/due/export.csv",
                        scene -> Target.at("/api/return-calls/due/export.csv?within=PT1H"))
                .door("GET /api/return-calls/unreachable", scene -> Target.at("/api/return-calls/unreachable"))
                .door(
                        "GET /api/return-calls/unreachable/export.csv",
                        scene -> Target.at("/api/return-calls/unreachable/export.csv"))
                .door("POST /api/return-calls/{returnCallId}/attempts", scene -> {
                    var id = dueReturnCall();
                    return Target.at("/api/return-calls/" + id + "/attempts")
                            .json("{\"outcome\": \"NO_ANSWER\"}")
                            .state(AuthorizationMatrix.stored(mongo, "return_calls", id));
                })
                .door("POST /api/return-calls/{returnCallId}/survey", scene -> {
                    var id = dueReturnCall();
                    return Target.at("/api/return-calls/" + id + "/survey")
                            .json(survey())
                            .state(() -> mongo.getCollection("surveys")
                                    .countDocuments(new org.bson.Document("returnCallId", id)));
                })
                .door("GET /api/questionnaires", scene -> Target.at("/api/questionnaires"))
                .door("GET /api/questionnaires/{id}", scene -> Target.at("/api/questionnaires/servqual-zh-v1"))
                .door("GET /api/surveys/{surveyId}", scene -> {
                    var answered = post("/api/return-calls/" + dueReturnCall() + "/survey", survey(), 201);
                    return Target.at("/api/surveys/"
                            + JSON.readTree(answered).path("surveyId").asString());
                })
                .door("GET /api/servqual/scores", scene -> Target.at("/api/servqual/scores?by=dealer"))
                .door(
                        "GET /api/dealers/{dealerId}/servqual",
                        scene -> Target.at("/api/dealers/" + scene.owner().dealerId() + "/servqual?by=technician"))
                .door("PUT /api/customers/{customerId}/tier", scene -> {
                    // not "CU-…": other tests of this context list care tasks of customers by that prefix
                    var customerId = "MX-" + UUID.randomUUID().toString().substring(0, 8);
                    return Target.at("/api/customers/" + customerId + "/tier")
                            .json("{\"tier\": \"KEY\"}")
                            .state(AuthorizationMatrix.stored(mongo, "customers", customerId));
                })
                .door("GET /api/customers/silent", scene -> Target.at("/api/customers/silent"))
                .door("GET /api/customers/silent/export.csv", scene -> Target.at("/api/customers/silent/export.csv"))
                .door("GET /api/care/tasks", scene -> Target.at("/api/care/tasks"))
                .door("GET /api/care/tasks/export.csv", scene -> Target.at("/api/care/tasks/export.csv"))
                .door("GET /api/quality/faults", scene -> Target.at("/api/quality/faults"));
        ChassisDoors.register(matrix, context, brokers).verify();
    }

    @Test
    void the_readme_shows_followups_rows_of_the_table() {
        var table = AuthorizationMatrix.of("followup", port, context).table();
        assertThat(table.checkReadme("followup", table.readmeOf("followup-service")))
                .isEmpty();
    }

    /** A return call after a visit completed 49 hours ago: due an hour ago. */
    private String dueReturnCall() {
        var assignmentId = "ASG-M" + UUID.randomUUID().toString().substring(0, 8);
        var completedAt = clock.instant().minus(Duration.ofHours(49));
        scheduleReturnCall.schedule(ScheduleReturnCallCommand.afterVisit(
                UUID.randomUUID().toString(), assignmentId, "C-" + assignmentId, completedAt));
        return ReturnCall.idAfterVisit(assignmentId, 1);
    }

    private String survey() throws Exception {
        var questionnaire = JSON.readTree(get("/api/questionnaires/servqual-zh-v1"));
        var answers = new StringBuilder();
        for (var question : questionnaire.path("questions")) {
            if (!answers.isEmpty()) {
                answers.append(',');
            }
            answers.append("{\"questionId\": \"%s\", \"expectation\": 6, \"perception\": 5}"
                    .formatted(question.path("id").asString()));
        }
        return """
                {"questionnaireId": "servqual-zh-v1", "answers": [%s], "solved": true, "satisfaction": 4}""".formatted(answers);
    }

    private String get(String path) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + TestTokens.agent("agent-matrix"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    private String post(String path, String body, int expected) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + TestTokens.agent("agent-matrix"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(expected);
        return response.body();
    }
}
