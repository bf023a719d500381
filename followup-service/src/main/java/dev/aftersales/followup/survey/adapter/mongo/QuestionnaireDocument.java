package dev.aftersales.followup.survey.adapter.mongo;

import dev.aftersales.followup.survey.domain.Question;
import dev.aftersales.followup.survey.domain.Questionnaire;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A questionnaire version as stored (and as shipped in {@code classpath:questionnaires/*.json}). */
@Document("questionnaires")
record QuestionnaireDocument(
        @Id String id,
        int version,
        String language,
        String title,
        List<Question> questions,
        String solvedPrompt,
        String satisfactionPrompt,
        String suggestionsPrompt) {

    static QuestionnaireDocument of(Questionnaire q) {
        return new QuestionnaireDocument(
                q.id(),
                q.version(),
                q.language(),
                q.title(),
                q.questions(),
                q.solvedPrompt(),
                q.satisfactionPrompt(),
                q.suggestionsPrompt());
    }

    Questionnaire toQuestionnaire() {
        return new Questionnaire(
                id, version, language, title, questions, solvedPrompt, satisfactionPrompt, suggestionsPrompt);
    }
}
