package dev.aftersales.intake.complaint.application;

import dev.aftersales.contracts.intake.ResolutionAction;
import java.util.List;

/**
 * @param actions what the company offers to do (replacement, refund, apology…), at least one
 * @param by the user id of the agent who proposes it
 */
public record ProposeResolutionCommand(String complaintId, List<ResolutionAction> actions, String by) {}
