package dev.aftersales.contracts;

/**
 * Header names of the CloudEvents Kafka protocol binding, binary content mode, plus W3C trace
 * context. Every record on every topic carries all of them.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    /** Unique per event; the consumers' dedupe key. */
    public static final String ID = "ce_id";

    public static final String SOURCE = "ce_source";
    /** For example {@code aftersales.intake.ComplaintRegistered.v1}. */
    public static final String TYPE = "ce_type";

    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}
}
