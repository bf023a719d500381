package dev.aftersales.parts.stock.domain;

/** The steps of a transfer between dealers, each confirmed by the dealer who does it. */
public enum TransferStatus {
    /** Units are held at the sending dealer, waiting to be shipped. */
    REQUESTED,
    /** The sending dealer confirmed they left; they still count at the sender until received. */
    SHIPPED,
    /** The receiving dealer confirmed they arrived; they now count (and are held) there. */
    RECEIVED
}
