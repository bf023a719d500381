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

    /** Reservation outcomes of parts, keyed by complaint id. */
    public static final String PARTS_RESERVATIONS = "parts.reservations.v1";

    /** Stock level changes of parts, keyed by part number. */
    public static final String PARTS_STOCK = "parts.stock.v1";

    /** Return calls, surveys and satisfaction, keyed by complaint id. */
    public static final String FOLLOWUP = "followup.v1";

    private static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {}

    /** Where records of {@code topic} go when they can never be processed. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static boolean isDeadLetter(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX);
    }

    public static String originOf(String deadLetterTopic) {
        return deadLetterTopic.substring(0, deadLetterTopic.length() - DEAD_LETTER_SUFFIX.length());
    }
}
