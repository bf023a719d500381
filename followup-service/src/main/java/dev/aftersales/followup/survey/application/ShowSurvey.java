package dev.aftersales.followup.survey.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.followup.survey.domain.Survey;
import dev.aftersales.followup.survey.domain.Surveys;
import org.springframework.stereotype.Service;

/** An answered survey, with the customer's score. */
@Service
public class ShowSurvey {

    private final Surveys surveys;

    ShowSurvey(Surveys surveys) {
        this.surveys = surveys;
    }

    /** @throws NotFoundException when no survey has that id */
    public Survey show(String surveyId) {
        return surveys.find(surveyId).orElseThrow(() -> new NotFoundException("survey " + surveyId));
    }
}
