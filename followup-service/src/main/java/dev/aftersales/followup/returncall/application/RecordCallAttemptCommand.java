package dev.aftersales.followup.returncall.application;

import dev.aftersales.contracts.followup.CallOutcome;
import java.time.Instant;

/**
 * An agent tried a return call.
 *
 * @param callLaterAt for CALL_LATER: when the customer asked to be called; null = the policy's interval
 */
public record RecordCallAttemptCommand(String returnCallId, CallOutcome outcome, Instant callLaterAt, String agentId) {}
