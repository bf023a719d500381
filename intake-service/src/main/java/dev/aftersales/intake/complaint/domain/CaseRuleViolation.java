package dev.aftersales.intake.complaint.domain;

/** A step the case's state does not allow now (e.g. accepting a resolution nobody approved). */
public class CaseRuleViolation extends RuntimeException {

    public CaseRuleViolation(String message) {
        super(message);
    }
}
