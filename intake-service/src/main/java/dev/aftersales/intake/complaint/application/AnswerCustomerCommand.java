package dev.aftersales.intake.complaint.application;

/**
 * @param note what the customer was told (a call back, what happens next)
 * @param by the user id of the agent who answered
 */
public record AnswerCustomerCommand(String complaintId, String note, String by) {}
