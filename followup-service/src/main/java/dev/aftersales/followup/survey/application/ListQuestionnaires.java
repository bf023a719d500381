package dev.aftersales.followup.survey.application;

import dev.aftersales.followup.survey.domain.Questionnaire;
import dev.aftersales.followup.survey.domain.Questionnaires;
import java.util.List;
import org.springframework.stereotype.Service;

/** Every questionnaire version an agent may survey with, by id. */
@Service
public class ListQuestionnaires {

    private final Questionnaires questionnaires;

    ListQuestionnaires(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    public List<Questionnaire> list() {
        return questionnaires.all();
    }
}
