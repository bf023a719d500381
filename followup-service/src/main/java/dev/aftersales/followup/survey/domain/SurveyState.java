package dev.aftersales.followup.survey.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link Survey} holds besides its id, in one immutable value: the survey keeps it,
 * {@link Survey#snapshot} gives it to the store and {@link Survey#restore} takes it back. The only
 * place the survey's fields are listed; an answered survey never changes.
 */
public record SurveyState(
        String returnCallId,
        String questionnaireId,
        Survey.Subject subject,
        List<Answer> answers,
        boolean solved,
        int satisfaction,
        String suggestions,
        String agentId,
        Instant answeredAt) {

    public SurveyState {
        Objects.requireNonNull(returnCallId, "returnCallId");
        Objects.requireNonNull(questionnaireId, "questionnaireId");
        Objects.requireNonNull(subject, "subject");
        answers = List.copyOf(answers);
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
