package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.ComplaintForm;

/** @param takenBy the user id of the agent on the call */
public record RegisterComplaintCommand(ComplaintForm form, String takenBy) {}
