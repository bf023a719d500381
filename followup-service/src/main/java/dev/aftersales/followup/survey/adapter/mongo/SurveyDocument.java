package dev.aftersales.followup.survey.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.followup.survey.domain.Survey;
import dev.aftersales.followup.survey.domain.SurveyState;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/** A survey as stored: its fields at the top level of the document (unwrapped), its version and outbox. */
@Document("surveys")
record SurveyDocument(
        @Id String id,
        @Unwrapped.Nullable SurveyState survey,
        @Version Long version,
        Outbox outbox) implements HasOutbox {

    static SurveyDocument of(Survey s) {
        return new SurveyDocument(s.id(), s.snapshot(), s.version(), Outbox.of(s.events()));
    }

    Survey toSurvey() {
        return Survey.restore(id, survey, version, Outbox.eventsOf(outbox));
    }
}
