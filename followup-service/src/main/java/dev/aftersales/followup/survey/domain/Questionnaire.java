package dev.aftersales.followup.survey.domain;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A versioned questionnaire, kept as data: a new wording is a new version with its own id, never
 * an edit, so every answered survey still points at the questions it answered.
 */
public record Questionnaire(
        String id,
        int version,
        String language,
        String title,
        List<Question> questions,
        String solvedPrompt,
        String satisfactionPrompt,
        String suggestionsPrompt) {

    public static final int MIN_QUESTIONS_PER_DIMENSION = 2;

    public Questionnaire {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        questions = List.copyOf(questions);
        var perDimension = new EnumMap<ServqualDimension, Integer>(ServqualDimension.class);
        var ids = new HashSet<String>();
        for (var q : questions) {
            if (!ids.add(q.id())) {
                throw new IllegalArgumentException("questionnaire " + id + " repeats question " + q.id());
            }
            perDimension.merge(q.dimension(), 1, Integer::sum);
        }
        for (var d : ServqualDimension.values()) {
            if (perDimension.getOrDefault(d, 0) < MIN_QUESTIONS_PER_DIMENSION) {
                throw new IllegalArgumentException("questionnaire " + id + " needs at least "
                        + MIN_QUESTIONS_PER_DIMENSION + " questions on " + d);
            }
        }
    }

    public java.util.Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }
}
