package dev.aftersales.followup.survey.application;

import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.followup.survey.domain.Questionnaire;
import dev.aftersales.followup.survey.domain.Questionnaires;
import org.springframework.stereotype.Service;

/** One questionnaire version, with its questions, for the agent to read out. */
@Service
public class ShowQuestionnaire {

    private final Questionnaires questionnaires;

    ShowQuestionnaire(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    /** @throws NotFoundException when there is no such version */
    public Questionnaire show(String id) {
        return questionnaires.find(id).orElseThrow(() -> new NotFoundException("questionnaire " + id));
    }
}
