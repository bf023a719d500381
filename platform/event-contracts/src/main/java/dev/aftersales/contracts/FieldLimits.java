package dev.aftersales.contracts;

/**
 * The size bounds of event fields, checked by every consumer (an event with a longer value is
 * dead-lettered). Each producer bounds its inputs at least as tightly, so an event it raises always
 * passes; {@code EventBoundsTest} keeps every text and list of every event bounded.
 */
public final class FieldLimits {

    /** Ids, serial and part numbers. */
    public static final int ID = 128;
    /** A user id: the subject of the identity provider's token. */
    public static final int USER_ID = 255;
    /** Codes and short labels: model, product line, batch, region, method. */
    public static final int CODE = 64;

    public static final int NAME = 200;
    public static final int PHONE = 32;
    public static final int ADDRESS = 500;
    /** Free text: symptoms, diagnosis, guidance, reasons. */
    public static final int TEXT = 4000;
    /** Part lines or actions of one event. */
    public static final int LINES = 100;

    private FieldLimits() {}
}
