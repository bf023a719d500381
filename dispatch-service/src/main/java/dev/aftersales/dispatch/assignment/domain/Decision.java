package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Technician;

/**
 * What the rule chain decided for a case: a technician and the rule that chose them, or an
 * escalation. Either way {@code reason} says why, in words the dispatcher reads.
 *
 * @param installation the machine's installation record; null when the archive does not know the serial
 * @param technician null when escalated
 * @param rule null when escalated
 */
public record Decision(Installation installation, Technician technician, AssignmentRule rule, String reason) {

    /** The outcome tag of the metric {@code aftersales.assignments.made}. */
    public static final String ESCALATED = "ESCALATED";

    static Decision assign(Installation installation, Technician technician, AssignmentRule rule, String reason) {
        return new Decision(installation, technician, rule, reason);
    }

    static Decision escalate(Installation installation, String reason) {
        return new Decision(installation, null, null, reason);
    }

    public boolean escalated() {
        return technician == null;
    }

    /** The rule that chose the technician, or {@link #ESCALATED}. */
    public String outcome() {
        return escalated() ? ESCALATED : rule.name();
    }
}
