package dev.aftersales.followup.survey.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.followup.SurveyAnswered;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * A customer's answered satisfaction survey of one return call (one per call): the SERVQUAL
 * answers of a questionnaire version, "is the problem solved?", overall satisfaction 1–5 and
 * suggestions, with who served the case so that scores can be grouped.
 */
public final class Survey {

    /** Who and what the survey is about, for grouping its score. */
    public record Subject(
            String complaintId,
            int round,
            String customerId,
            String technicianId,
            String dealerId,
            String productLine,
            String model) {}

    private final String id;
    private final SurveyState survey;
    private final Long version;
    private final AggregateEvents events;

    private Survey(String id, SurveyState survey, Long version, AggregateEvents events) {
        this.id = Objects.requireNonNull(id, "id");
        this.survey = Objects.requireNonNull(survey, "survey");
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    public static String idOf(String returnCallId) {
        return "SV-" + returnCallId;
    }

    /** A filled-in answer before it is checked against its questionnaire. */
    public record Given(String questionId, int expectation, int perception) {}

    /**
     * Checks the answers against the questionnaire (every question exactly once, 1–7; satisfaction
     * 1–5) and raises SurveyAnswered with the customer's SERVQUAL gap.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Survey answer(
            String returnCallId,
            Questionnaire questionnaire,
            Subject subject,
            List<Given> given,
            boolean solved,
            int satisfaction,
            String suggestions,
            String agentId,
            Instant now) {
        if (satisfaction < 1 || satisfaction > 5) {
            throw new IllegalArgumentException("satisfaction must be 1 to 5");
        }
        var byQuestion = new HashMap<String, Given>();
        for (var g : given) {
            if (questionnaire.question(g.questionId()).isEmpty()) {
                throw new IllegalArgumentException(
                        "question " + g.questionId() + " is not in questionnaire " + questionnaire.id());
            }
            if (byQuestion.put(g.questionId(), g) != null) {
                throw new IllegalArgumentException("question " + g.questionId() + " is answered twice");
            }
        }
        var answers = questionnaire.questions().stream()
                .map(q -> {
                    var g = byQuestion.get(q.id());
                    if (g == null) {
                        throw new IllegalArgumentException("question " + q.id() + " is not answered");
                    }
                    return new Answer(q.id(), q.dimension(), g.expectation(), g.perception());
                })
                .toList();
        var survey = new Survey(
                idOf(returnCallId),
                new SurveyState(
                        returnCallId,
                        questionnaire.id(),
                        subject,
                        answers,
                        solved,
                        satisfaction,
                        suggestions,
                        agentId,
                        now),
                null,
                null);
        survey.events.raise(
                new SurveyAnswered(
                        survey.id,
                        subject.complaintId(),
                        subject.round(),
                        subject.technicianId(),
                        subject.dealerId(),
                        solved,
                        satisfaction,
                        rounded(survey.score().overall()),
                        now),
                subject.complaintId());
        return survey;
    }

    /** A survey as stored, with the store's version and its events; raises nothing. */
    public static Survey restore(String id, SurveyState survey, Long version, AggregateEvents events) {
        return new Survey(id, survey, version, events);
    }

    /** The survey as stored; the id, version and events are read beside it. */
    public SurveyState snapshot() {
        return survey;
    }

    /** Gaps are published and shown to two decimals. */
    public static BigDecimal rounded(double gap) {
        return BigDecimal.valueOf(gap).setScale(2, RoundingMode.HALF_UP);
    }

    public ServqualScore score() {
        return ServqualScore.ofCustomer(survey.answers());
    }

    public boolean dissatisfied() {
        return !survey.solved() || survey.satisfaction() <= 2;
    }

    public String id() {
        return id;
    }

    public String returnCallId() {
        return survey.returnCallId();
    }

    public String questionnaireId() {
        return survey.questionnaireId();
    }

    public Subject subject() {
        return survey.subject();
    }

    public List<Answer> answers() {
        return survey.answers();
    }

    public boolean solved() {
        return survey.solved();
    }

    public int satisfaction() {
        return survey.satisfaction();
    }

    public String suggestions() {
        return survey.suggestions();
    }

    public String agentId() {
        return survey.agentId();
    }

    public Instant answeredAt() {
        return survey.answeredAt();
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }
}
