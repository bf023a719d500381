package dev.aftersales.contracts;

/**
 * Topic names, one per producing aggregate stream: {@code <service>.<stream>.v1}. Many event types
 * share a topic; the type travels in the {@code ce_type} header.
 */
public final class Topics {

    /** Case stream of intake, keyed by complaint id. */
    public static final String INTAKE_COMPLAINTS = "intake.complaints.v1";

    /** Assignment stream of dispatch (incl. parts requests and visit completion), keyed by complaint id. */
    public static final String DISPATCH_ASSIGNMENTS = "dispatch.assignments.v1";

    /** The customer/machine archive of dispatch (installations), keyed by serial number. */
    public static final String DISPATCH_ARCHIVE = "dispatch.archive.v1";

    /**
     * Text messages from dispatch to the SMS gateway (customers' one-time consent codes), keyed by
     * assignment id. Not an event stream: no service consumes it, only the gateway's principal may read
     * it, and it is not in the {@link EventCatalog}.
     */
    public static final String DISPATCH_SMS = "dispatch.sms.v1";

    /** The archive's customer master (records, changes, merges, erasures), keyed by customer id. */
    public static final String DISPATCH_CUSTOMERS = "dispatch.customers.v1";

    /** Reservation outcomes of parts, keyed by complaint id. */
    public static final String PARTS_RESERVATIONS = "parts.reservations.v1";

    /** Stock level changes of parts, keyed by part number. */
    public static final String PARTS_STOCK = "parts.stock.v1";

    /** Return calls, surveys and satisfaction, keyed by complaint id. */
    public static final String FOLLOWUP = "followup.v1";

    private static final String DEAD_LETTER_SUFFIX = ".DLT";
    private static final String REPLAY_SUFFIX = ".replay";

    private Topics() {}

    /**
     * Where {@code consumer} parks the records of {@code topic} it can never process: {@code
     * <topic>.<consumer>.DLT}. One per consuming service, so no two consumer groups share one and each
     * service lists and replays only its own.
     */
    public static String deadLetterOf(String topic, String consumer) {
        return topic + "." + consumer + DEAD_LETTER_SUFFIX;
    }

    /**
     * Where {@code consumer} sends its own dead letters of {@code topic} back to itself: {@code
     * <topic>.<consumer>.replay}. Only that consumer reads it, so a replay never reaches another
     * consumer of {@code topic} and never writes to the producer's topic.
     */
    public static String replayOf(String topic, String consumer) {
        return topic + "." + consumer + REPLAY_SUFFIX;
    }
}
