package dev.aftersales.followup.survey.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.ListDoor;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.FollowupTestClock;
import dev.aftersales.followup.casefile.domain.CaseFile;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import dev.aftersales.followup.survey.domain.Survey;
import dev.aftersales.followup.survey.domain.Surveys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quality report and the SERVQUAL scores over a period of business days: what happened outside the
 * period is not counted, the business day ends at the business zone's midnight, and a bad period is a
 * 400 naming the parameter.
 */
@ServiceSliceTest
@Import(FollowupTestClock.class)
class ReportsByPeriodTest {

    static final String SUPERVISOR = TestTokens.token("sup-reports", Map.of(), Role.SUPERVISOR);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    Surveys surveys;

    @Autowired
    FollowupProperties properties;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    /** {@code time} on {@code day} in the business zone. */
    Instant at(String day, String time) {
        return LocalDate.parse(day)
                .atTime(LocalTime.parse(time))
                .atZone(properties.businessZone())
                .toInstant();
    }

    void visited(String batch, Instant completedAt) {
        var complaintId = "C-Q" + UUID.randomUUID().toString().substring(0, 8);
        var file = CaseFile.open(complaintId);
        file.registered("WP-" + complaintId, "净水器", batch, "CU-" + suffix, completedAt.minusSeconds(86_400), "登记");
        file.visitCompleted(
                "ASG-" + complaintId, "WP-" + complaintId, "T-Q", "D-Q", List.of("FLT-Q"), true, completedAt);
        caseFiles.save(file);
    }

    List<JsonNode> get(String path) {
        var response = ListDoor.get(port, path, SUPERVISOR, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var rows = new ArrayList<JsonNode>();
        JSON.readTree(response.body()).forEach(rows::add);
        return rows;
    }

    void refused(String path, String field) {
        var response = ListDoor.get(port, path, SUPERVISOR, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"" + field + "\"");
    }

    @Test
    void the_quality_report_counts_the_visits_completed_on_the_periods_business_days_only() {
        var batch = "B-Q" + suffix;
        visited(batch, at("2025-05-31", "23:59"));
        visited(batch, at("2025-06-01", "00:00"));
        visited(batch, at("2025-06-15", "10:00"));
        visited(batch, at("2025-06-30", "23:59"));
        visited(batch, at("2025-07-01", "00:00"));

        var june = get("/api/quality/faults?from=2025-06-01&to=2025-06-30").stream()
                .filter(row -> row.get("batchNumber").asString().equals(batch))
                .toList();

        assertThat(june).singleElement().satisfies(row -> {
            assertThat(row.get("model").asString()).isEqualTo("净水器");
            assertThat(row.get("partNumber").asString()).isEqualTo("FLT-Q");
            assertThat(row.get("faults").asLong()).isEqualTo(3);
        });
        assertThat(get("/api/quality/faults?from=2025-07-01&to=2025-07-01"))
                .filteredOn(row -> row.get("batchNumber").asString().equals(batch))
                .singleElement()
                .satisfies(row -> assertThat(row.get("faults").asLong()).isEqualTo(1));
    }

    @Test
    void servqual_scores_count_the_surveys_answered_in_the_period_only() {
        var inside = "CU-in" + suffix;
        var outside = "CU-out" + suffix;
        surveys.add(answered("in" + suffix, inside, at("2025-06-30", "23:59")));
        surveys.add(answered("out" + suffix, outside, at("2025-07-01", "00:00")));

        var june = get("/api/servqual/scores?by=customer&from=2025-06-01&to=2025-06-30").stream()
                .map(row -> row.get("key").asString())
                .toList();

        assertThat(june).contains(inside).doesNotContain(outside);
        assertThat(get("/api/servqual/scores?by=customer&from=2025-07-01&to=2025-07-31").stream()
                        .map(row -> row.get("key").asString()))
                .contains(outside)
                .doesNotContain(inside);
    }

    @Test
    void a_bad_or_reversed_or_too_long_period_is_refused_naming_the_parameter() {
        for (var report : List.of("/api/quality/faults?", "/api/servqual/scores?by=all&")) {
            refused(report + "from=2025-13-01", "from");
            refused(report + "to=yesterday", "to");
            refused(report + "from=2025-07-01&to=2025-06-01", "from");
            refused(report + "from=2024-01-01&to=2025-06-01", "to");
        }
    }

    static Survey answered(String call, String customer, Instant answeredAt) {
        var given = new ArrayList<Survey.Given>();
        for (var id : ScoreServqualTest.IDS) {
            given.add(new Survey.Given(id, 6, 5));
        }
        return Survey.answer(
                call,
                ScoreServqualTest.QUESTIONNAIRE,
                new Survey.Subject("C-" + call, 1, customer, "T-Q", "D-Q", "purifiers", "WP-200"),
                given,
                true,
                4,
                null,
                "agent-1",
                answeredAt);
    }
}
