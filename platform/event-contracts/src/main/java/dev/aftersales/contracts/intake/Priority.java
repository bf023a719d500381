package dev.aftersales.contracts.intake;

/** How urgently a case is handled; repeated calls within the SLA raise it. */
public enum Priority {
    NORMAL,
    HIGH,
    URGENT
}
