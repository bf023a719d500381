package dev.aftersales.contracts.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The customer answered the satisfaction survey. {@code servqualGap} is the customer's score:
 * the mean over questions of perception − expectation (negative = below expectations).
 */
public record SurveyAnswered(
        @NotBlank String surveyId,
        @NotBlank String complaintId,
        int round,
        String technicianId,
        String dealerId,
        boolean solved,
        int satisfaction,
        BigDecimal servqualGap,
        @NotNull Instant answeredAt) {}
