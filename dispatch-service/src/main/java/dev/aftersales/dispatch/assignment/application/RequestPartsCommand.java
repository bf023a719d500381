package dev.aftersales.dispatch.assignment.application;

public record RequestPartsCommand(String technicianId, String assignmentId, String partNumber, int quantity) {}
