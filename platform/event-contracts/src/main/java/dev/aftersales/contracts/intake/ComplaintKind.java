package dev.aftersales.contracts.intake;

/** What the customer called about (domain.md, flow step 1). */
public enum ComplaintKind {
    REPAIR,
    INSTALLATION,
    RELOCATION,
    MAINTENANCE,
    QUALITY_COMPLAINT,
    FEE_DISPUTE,
    SERVICE_ATTITUDE;

    /** Kinds that send someone on site; the others may be settled by phone or by the complaint procedure. */
    public boolean needsVisit() {
        return this == REPAIR || this == INSTALLATION || this == RELOCATION || this == MAINTENANCE;
    }
}
