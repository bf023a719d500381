package dev.aftersales.followup.survey.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Answered surveys. */
public interface Surveys {

    Optional<Survey> find(String id);

    /** @return false when the survey (of that return call) exists already: nothing was written */
    boolean add(Survey survey);

    /** The surveys answered in {@code [from, until)}: a report's period. */
    List<Survey> answeredBetween(Instant from, Instant until);

    /** The dealer's surveys answered in {@code [from, until)}. */
    List<Survey> ofDealer(String dealerId, Instant from, Instant until);
}
