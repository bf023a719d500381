package dev.aftersales.followup.survey.domain;

import java.util.List;
import java.util.Optional;

/** Questionnaire versions; a version once stored is never changed. */
public interface Questionnaires {

    Optional<Questionnaire> find(String id);

    /** @return false when that id exists already (and is kept as it is) */
    boolean addIfAbsent(Questionnaire questionnaire);

    List<Questionnaire> all();
}
