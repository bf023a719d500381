package dev.aftersales.followup.survey.adapter.mongo;

import dev.aftersales.followup.survey.domain.Survey;
import dev.aftersales.followup.survey.domain.Surveys;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Surveys in the {@code surveys} collection. Scores are computed over all surveys (a scan); fine
 * for the thousands a year a dealer network answers. Beyond that, keep per-group running sums.
 */
@Component
class MongoSurveys implements Surveys {

    private final SurveyDocuments surveys;

    MongoSurveys(SurveyDocuments surveys) {
        this.surveys = surveys;
    }

    @Override
    public Optional<Survey> find(String id) {
        return surveys.findById(id).map(SurveyDocument::toSurvey);
    }

    @Override
    public boolean add(Survey survey) {
        try {
            surveys.insert(SurveyDocument.of(survey));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<Survey> all() {
        return surveys.findAll().stream().map(SurveyDocument::toSurvey).toList();
    }
}
