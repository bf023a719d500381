package dev.aftersales.followup.survey.domain;

/** A customer's answer to one question: expectation and perception, each 1–7. */
public record Answer(String questionId, ServqualDimension dimension, int expectation, int perception) {

    public Answer {
        if (expectation < 1 || expectation > 7 || perception < 1 || perception > 7) {
            throw new IllegalArgumentException("expectation and perception of " + questionId + " must be 1 to 7");
        }
    }

    /** SERVQUAL's gap: perception − expectation; negative means the service fell short. */
    public int gap() {
        return perception - expectation;
    }
}
