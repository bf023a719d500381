package dev.aftersales.intake.complaint.domain;

/** How urgently a case is worked. Every case starts NORMAL; repeated calls will raise it. */
public enum Priority {
    NORMAL,
    HIGH,
    URGENT
}
