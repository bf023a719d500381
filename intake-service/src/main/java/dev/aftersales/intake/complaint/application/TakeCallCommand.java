package dev.aftersales.intake.complaint.application;

import dev.aftersales.intake.complaint.domain.ComplaintForm;

/**
 * @param takenBy the user id of the agent on the call
 * @param phoneGuidance the guidance that settled the case on this call (电话指导), else null
 */
public record TakeCallCommand(ComplaintForm form, String takenBy, String phoneGuidance) {}
