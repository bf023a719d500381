package dev.aftersales.followup.survey.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.followup.survey.domain.Survey;
import dev.aftersales.followup.survey.domain.Surveys;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Surveys in the {@code surveys} collection. Scores are computed over all surveys (a scan); fine
 * for the thousands a year a dealer network answers. Beyond that, keep per-group running sums.
 */
@Component
class MongoSurveys implements Surveys {

    private final SurveyDocuments surveys;
    private final MongoTemplate mongo;

    MongoSurveys(SurveyDocuments surveys, MongoTemplate mongo) {
        this.surveys = surveys;
        this.mongo = mongo;
        // a dealer's surveys answered in a period (the dealer's own SERVQUAL scores)
        mongo.indexOps(SurveyDocument.class)
                .createIndex(
                        new Index().on("subject.dealerId", Sort.Direction.ASC).on("answeredAt", Sort.Direction.ASC));
        // the surveys answered in a period (the SERVQUAL scores by period)
        mongo.indexOps(SurveyDocument.class).createIndex(new Index().on("answeredAt", Sort.Direction.ASC));
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
    public List<Survey> ofDealer(String dealerId, Instant from, Instant until) {
        var query = query(where("subject.dealerId")
                .is(dealerId)
                .and("answeredAt")
                .gte(from)
                .lt(until));
        return mongo.find(query, SurveyDocument.class).stream()
                .map(SurveyDocument::toSurvey)
                .toList();
    }

    @Override
    public List<Survey> answeredBetween(Instant from, Instant until) {
        var query = query(where("answeredAt").gte(from).lt(until));
        return mongo.find(query, SurveyDocument.class).stream()
                .map(SurveyDocument::toSurvey)
                .toList();
    }
}
