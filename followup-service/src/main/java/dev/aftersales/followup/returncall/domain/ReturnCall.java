package dev.aftersales.followup.returncall.domain;

import dev.aftersales.chassis.aggregate.AggregateEvents;
import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.contracts.followup.CustomerUnreachable;
import dev.aftersales.contracts.followup.ReturnCallMade;
import dev.aftersales.contracts.followup.ReturnCallReason;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A return call (回访) an agent owes a customer: due at a time, tried until the customer answers or
 * the retry policy gives up. Its id is derived from what triggered it, so each trigger yields one call.
 */
public final class ReturnCall {

    private final String id;
    private ReturnCallState state;
    private final Long version;
    private final AggregateEvents events;

    private ReturnCall(String id, ReturnCallState state, Long version, AggregateEvents events) {
        this.id = Objects.requireNonNull(id, "id");
        this.state = Objects.requireNonNull(state, "state");
        this.version = version;
        this.events = events == null ? new AggregateEvents() : events;
    }

    /** {@code RC-<assignmentId>} for the first round; a later round's visit adds {@code -R<round>}. */
    public static String idAfterVisit(String assignmentId, int round) {
        return round <= 1 ? "RC-" + assignmentId : "RC-" + assignmentId + "-R" + round;
    }

    public static String idAfterPhoneResolution(String complaintId) {
        return "RC-PHONE-" + complaintId;
    }

    /** {@code RC-RES-<complaintId>} for the first round; a later round's resolution adds {@code -R<round>}. */
    public static String idAfterResolution(String complaintId, int round) {
        return round <= 1 ? "RC-RES-" + complaintId : "RC-RES-" + complaintId + "-R" + round;
    }

    public static String idAfterInstallation(String serialNumber) {
        return "RC-INST-" + serialNumber;
    }

    /** The case reference of a thank-you call: an installation has no complaint, so the machine stands in. */
    public static String installationCaseOf(String serialNumber) {
        return "INST-" + serialNumber;
    }

    /** The machine a thank-you call's case reference stands for; null for a complaint's case. */
    public static String machineOfInstallationCase(String caseReference) {
        return caseReference != null && caseReference.startsWith("INST-") ? caseReference.substring(5) : null;
    }

    /**
     * The return call of a completed visit in satisfaction round {@code round}, due {@code delay}
     * after completion; raises ReturnCallScheduled. Dispatch may reuse the assignment for the next
     * round's visit, hence the round in the id.
     */
    public static ReturnCall afterVisit(
            String assignmentId, int round, String complaintId, Instant completedAt, Duration delay, Instant now) {
        return scheduled(
                idAfterVisit(assignmentId, round),
                complaintId,
                assignmentId,
                ReturnCallReason.AFTER_VISIT,
                completedAt.plus(delay),
                now);
    }

    /** The return call of a case settled by phone guidance, due {@code delay} after the resolution. */
    public static ReturnCall afterPhoneResolution(String complaintId, Instant resolvedAt, Duration delay, Instant now) {
        return scheduled(
                idAfterPhoneResolution(complaintId),
                complaintId,
                null,
                ReturnCallReason.AFTER_PHONE_RESOLUTION,
                resolvedAt.plus(delay),
                now);
    }

    /**
     * The return call after every action of an agreed resolution was carried out (a refund, goods
     * shipped, an apology), due {@code delay} after; its survey moves the satisfaction loop as after a
     * visit. A dissatisfied customer's next round may agree another resolution, hence the round in the id.
     */
    public static ReturnCall afterResolution(
            String complaintId, int round, Instant carriedOutAt, Duration delay, Instant now) {
        return scheduled(
                idAfterResolution(complaintId, round),
                complaintId,
                null,
                ReturnCallReason.AFTER_RESOLUTION,
                carriedOutAt.plus(delay),
                now);
    }

    /**
     * The thank-you call of an installation, due {@code delay} after {@code installedOn}: the start of
     * the installation day's calling hours in the business zone.
     */
    public static ReturnCall afterInstallation(String serialNumber, Instant installedOn, Duration delay, Instant now) {
        return scheduled(
                idAfterInstallation(serialNumber),
                installationCaseOf(serialNumber),
                null,
                ReturnCallReason.THANK_YOU_AFTER_INSTALLATION,
                installedOn.plus(delay),
                now);
    }

    private static ReturnCall scheduled(
            String id, String complaintId, String assignmentId, ReturnCallReason reason, Instant dueAt, Instant now) {
        var call = new ReturnCall(
                id, ReturnCallState.due(complaintId, assignmentId, reason, dueAt, now), null, new AggregateEvents());
        call.events.raise(new ReturnCallScheduled(call.id, complaintId, reason, dueAt, now), complaintId);
        return call;
    }

    /** A return call as stored, with the store's version and its events; raises nothing. */
    public static ReturnCall restore(String id, ReturnCallState state, Long version, AggregateEvents events) {
        return new ReturnCall(id, state, version, events);
    }

    /** The call's state as of now, for the store; the id, version and events are read beside it. */
    public ReturnCallState snapshot() {
        return state;
    }

    /**
     * Records one try of this call and raises ReturnCallMade. No answer moves the call to the next
     * try of the policy, or to unreachable (CustomerUnreachable) after the last; a wrong number is
     * unreachable at once; "call later" moves the due time to {@code callLaterAt} without using a try.
     *
     * @throws IllegalStateException when the call is not due any more
     */
    public void recordAttempt(
            CallOutcome outcome, String agentId, Instant callLaterAt, RetryPolicy policy, Instant now) {
        if (state.status() != ReturnCallStatus.DUE) {
            throw new IllegalStateException("return call " + id + " is " + state.status() + ", not due");
        }
        state = switch (outcome) {
            case REACHED -> state.tried(outcome, ReturnCallStatus.REACHED, state.dueAt(), state.unanswered(), agentId);
            case NO_ANSWER -> {
                var unanswered = state.unanswered() + 1;
                yield unanswered >= policy.tries()
                        ? state.tried(outcome, ReturnCallStatus.UNREACHABLE, state.dueAt(), unanswered, agentId)
                        : state.tried(outcome, ReturnCallStatus.DUE, policy.nextTry(now), unanswered, agentId);
            }
            case WRONG_NUMBER ->
                state.tried(outcome, ReturnCallStatus.UNREACHABLE, state.dueAt(), state.unanswered(), agentId);
            case CALL_LATER -> {
                var when = callLaterAt == null ? policy.nextTry(now) : callLaterAt;
                yield state.tried(outcome, ReturnCallStatus.DUE, when, state.unanswered(), agentId);
            }
        };
        events.raise(new ReturnCallMade(id, complaintId(), outcome, attempts(), agentId, now), complaintId());
        if (state.status() == ReturnCallStatus.UNREACHABLE) {
            events.raise(new CustomerUnreachable(id, complaintId(), attempts(), now), complaintId());
        }
    }

    /** The customer answered the survey on this call: if the agent skipped recording the answer, it is recorded now. */
    public void reachedBySurvey(String agentId, Instant now) {
        if (state.status() == ReturnCallStatus.DUE) {
            recordAttempt(CallOutcome.REACHED, agentId, null, new RetryPolicy(1, Duration.ZERO), now);
        }
    }

    public String id() {
        return id;
    }

    public String complaintId() {
        return state.complaintId();
    }

    public String assignmentId() {
        return state.assignmentId();
    }

    public ReturnCallReason reason() {
        return state.reason();
    }

    public Instant dueAt() {
        return state.dueAt();
    }

    public ReturnCallStatus status() {
        return state.status();
    }

    public Instant scheduledAt() {
        return state.scheduledAt();
    }

    public int attempts() {
        return state.attempts();
    }

    public int unanswered() {
        return state.unanswered();
    }

    public CallOutcome lastOutcome() {
        return state.lastOutcome();
    }

    /** The agent who holds the call (made its first try); null while nobody has tried it. */
    public String agentId() {
        return state.agentId();
    }

    public Long version() {
        return version;
    }

    public AggregateEvents events() {
        return events;
    }

    public boolean isDueBy(Instant deadline) {
        return state.status() == ReturnCallStatus.DUE && !state.dueAt().isAfter(deadline);
    }
}
