package dev.aftersales.contracts.intake;

/** What the company offers to settle a quality complaint or fee dispute; several may combine. */
public enum ResolutionKind {
    REPAIR,
    REPLACEMENT,
    RETURN,
    FEE_REFUND,
    DISCOUNT,
    FREE_GOODS,
    APOLOGY,
    /** Another visit, by a technician other than the complaint's subject (REPAIR is read the same). */
    REVISIT,
    OTHER;

    /** Kinds whose goods are stock items that parts reserves and the owning dealer ships. */
    public boolean shipsGoods() {
        return this == REPLACEMENT || this == FREE_GOODS;
    }

    /** Kinds carried out by a visit. */
    public boolean needsVisit() {
        return this == REVISIT || this == REPAIR;
    }
}
