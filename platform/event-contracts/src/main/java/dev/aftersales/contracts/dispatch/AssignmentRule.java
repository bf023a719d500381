package dev.aftersales.contracts.dispatch;

/** Which step of the rule chain chose the technician (domain.md, flow step 2). */
public enum AssignmentRule {
    ORIGINAL_INSTALLER,
    DEALER_COLLEAGUE,
    SERVICE_POINT,
    REGIONAL_CENTRE,
    /** A dispatcher chose the technician by hand (their id and note travel with the assignment). */
    MANUAL
}
