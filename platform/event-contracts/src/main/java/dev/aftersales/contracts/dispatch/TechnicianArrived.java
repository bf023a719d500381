package dev.aftersales.contracts.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The technician is on site; intake's on-site clock stops here. */
public record TechnicianArrived(
        @NotBlank String assignmentId,
        @NotBlank String complaintId,
        @NotBlank String technicianId,
        @NotNull Instant arrivedAt) {}
