package dev.aftersales.followup.survey.domain;

import java.time.Instant;
import java.util.List;

/**
 * Everything a {@link Survey} holds besides its id, in one immutable value: what {@link
 * Survey#snapshot} gives the store and {@link Survey#restore} takes back.
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
        Instant answeredAt) {}
