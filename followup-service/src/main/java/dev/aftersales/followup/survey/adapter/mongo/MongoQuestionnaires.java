package dev.aftersales.followup.survey.adapter.mongo;

import dev.aftersales.followup.survey.domain.Questionnaire;
import dev.aftersales.followup.survey.domain.Questionnaires;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

@Component
class MongoQuestionnaires implements Questionnaires {

    private final QuestionnaireDocuments questionnaires;

    MongoQuestionnaires(QuestionnaireDocuments questionnaires) {
        this.questionnaires = questionnaires;
    }

    @Override
    public Optional<Questionnaire> find(String id) {
        return questionnaires.findById(id).map(QuestionnaireDocument::toQuestionnaire);
    }

    @Override
    public boolean addIfAbsent(Questionnaire questionnaire) {
        try {
            questionnaires.insert(QuestionnaireDocument.of(questionnaire));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<Questionnaire> all() {
        return questionnaires.findAll().stream()
                .map(QuestionnaireDocument::toQuestionnaire)
                .sorted(Comparator.comparing(Questionnaire::id))
                .toList();
    }
}
