package dev.aftersales.intake.complaint.application;

/**
 * @param guidance what the agent told the customer to do (电话指导)
 * @param by the user id of the agent who gave it
 */
public record ResolveByPhoneCommand(String complaintId, String guidance, String by) {}
