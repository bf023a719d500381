package dev.aftersales.contracts.followup;

/** Why a return call (回访) is due. */
public enum ReturnCallReason {
    AFTER_VISIT,
    AFTER_PHONE_RESOLUTION,
    THANK_YOU_AFTER_INSTALLATION,
    /** Every action of an agreed resolution was carried out. */
    AFTER_RESOLUTION
}
