package dev.aftersales.followup.survey.adapter.mongo;

import static dev.aftersales.followup.survey.domain.ServqualDimension.ASSURANCE;
import static dev.aftersales.followup.survey.domain.ServqualDimension.EMPATHY;
import static dev.aftersales.followup.survey.domain.ServqualDimension.RELIABILITY;
import static dev.aftersales.followup.survey.domain.ServqualDimension.RESPONSIVENESS;
import static dev.aftersales.followup.survey.domain.ServqualDimension.TANGIBLES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.test.StoredShape;
import dev.aftersales.followup.survey.domain.Question;
import dev.aftersales.followup.survey.domain.Questionnaire;
import dev.aftersales.followup.survey.domain.Survey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyDocumentShapeTest {

    static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    static final String STORED = """
            {"_id": "SV-RC-ASG-C-1", \
            "returnCallId": "RC-ASG-C-1", \
            "questionnaireId": "test-v1", \
            "subject": {"complaintId": "C-1", "round": 1, "customerId": "CU-1", "technicianId": "T-1", "dealerId": "D-1", "productLine": "purifiers", "model": "RO-400"}, \
            "answers": [{"questionId": "REL1", "dimension": "RELIABILITY", "expectation": 6, "perception": 1}, {"questionId": "REL2", "dimension": "RELIABILITY", "expectation": 6, "perception": 2}, {"questionId": "RES1", "dimension": "RESPONSIVENESS", "expectation": 6, "perception": 3}, {"questionId": "RES2", "dimension": "RESPONSIVENESS", "expectation": 6, "perception": 4}, {"questionId": "ASS1", "dimension": "ASSURANCE", "expectation": 6, "perception": 5}, {"questionId": "ASS2", "dimension": "ASSURANCE", "expectation": 6, "perception": 6}, {"questionId": "EMP1", "dimension": "EMPATHY", "expectation": 6, "perception": 7}, {"questionId": "EMP2", "dimension": "EMPATHY", "expectation": 6, "perception": 1}, {"questionId": "TAN1", "dimension": "TANGIBLES", "expectation": 6, "perception": 2}, {"questionId": "TAN2", "dimension": "TANGIBLES", "expectation": 6, "perception": 3}], \
            "solved": true, \
            "satisfaction": 4, \
            "suggestions": "call before coming", \
            "agentId": "agent-1", \
            "answeredAt": {"$date": "2026-03-10T10:00:00Z"}, \
            "_class": "dev.aftersales.followup.survey.adapter.mongo.SurveyDocument"}""";

    final StoredShape shape = new StoredShape();

    static Survey everythingSet() {
        var ids = List.of("REL1", "REL2", "RES1", "RES2", "ASS1", "ASS2", "EMP1", "EMP2", "TAN1", "TAN2");
        var dimensions = List.of(
                RELIABILITY,
                RELIABILITY,
                RESPONSIVENESS,
                RESPONSIVENESS,
                ASSURANCE,
                ASSURANCE,
                EMPATHY,
                EMPATHY,
                TANGIBLES,
                TANGIBLES);
        var questions = new ArrayList<Question>();
        var given = new ArrayList<Survey.Given>();
        for (int i = 0; i < ids.size(); i++) {
            questions.add(new Question(ids.get(i), dimensions.get(i), "q" + i));
            given.add(new Survey.Given(ids.get(i), 6, 1 + i % 7));
        }
        var questionnaire = new Questionnaire("test-v1", 1, "en", "test", questions, "solved?", "satisfied?", "more?");
        return Survey.answer(
                "RC-ASG-C-1",
                questionnaire,
                new Survey.Subject("C-1", 1, "CU-1", "T-1", "D-1", "purifiers", "RO-400"),
                given,
                true,
                4,
                "call before coming",
                "agent-1",
                AT);
    }

    @Test
    void a_survey_is_stored_with_the_same_fields_as_before() {
        assertThat(shape.json(SurveyDocument.of(everythingSet()))).isEqualTo(STORED.strip());
    }

    @Test
    void a_survey_reads_back_as_it_was_written() {
        var survey = everythingSet();
        var back = shape.read(SurveyDocument.class, shape.write(SurveyDocument.of(survey)))
                .toSurvey();

        assertThat(shape.json(SurveyDocument.of(back))).isEqualTo(shape.json(SurveyDocument.of(survey)));
        assertThat(Outbox.of(back.events()).pending())
                .hasSameSizeAs(Outbox.of(survey.events()).pending());
    }
}
