package dev.aftersales.dispatch.assignment.application;

/**
 * @param clientRequestId the app's {@code Idempotency-Key} for this request, or null: the same key
 *     names the same parts request, so a retry never asks twice
 */
public record RequestPartsCommand(
        String technicianId, String assignmentId, String partNumber, int quantity, String clientRequestId) {}
