package dev.aftersales.followup.survey.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.followup.survey.domain.Answer;
import dev.aftersales.followup.survey.domain.Survey;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("surveys")
record SurveyDocument(
        @Id String id,
        String returnCallId,
        String questionnaireId,
        Survey.Subject subject,
        List<Answer> answers,
        boolean solved,
        int satisfaction,
        String suggestions,
        String agentId,
        Instant answeredAt,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    static SurveyDocument of(Survey s) {
        return new SurveyDocument(
                s.id(),
                s.returnCallId(),
                s.questionnaireId(),
                s.subject(),
                s.answers(),
                s.solved(),
                s.satisfaction(),
                s.suggestions(),
                s.agentId(),
                s.answeredAt(),
                s.version(),
                s.outbox());
    }

    Survey toSurvey() {
        return Survey.restore(
                id,
                returnCallId,
                questionnaireId,
                subject,
                answers,
                solved,
                satisfaction,
                suggestions,
                agentId,
                answeredAt,
                version,
                outbox);
    }
}
