package dev.aftersales.followup.survey.application;

import dev.aftersales.followup.survey.domain.Survey;
import java.util.List;

/** The agent enters the customer's answers to the survey of a return call. */
public record AnswerSurveyCommand(
        String returnCallId,
        String questionnaireId,
        List<Survey.Given> answers,
        boolean solved,
        int satisfaction,
        String suggestions,
        String agentId) {}
