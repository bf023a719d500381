package dev.aftersales.contracts.followup;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The customer answered the satisfaction survey. {@code servqualGap} is the customer's score:
 * the mean over questions of perception − expectation (negative = below expectations).
 */
public record SurveyAnswered(
        @NotBlank @Size(max = FieldLimits.ID) String surveyId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        int round,
        @Size(max = FieldLimits.ID) String technicianId,
        @Size(max = FieldLimits.ID) String dealerId,
        boolean solved,
        int satisfaction,
        BigDecimal servqualGap,
        @NotNull Instant answeredAt) {}
