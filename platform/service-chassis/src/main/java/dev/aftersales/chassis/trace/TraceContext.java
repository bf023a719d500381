package dev.aftersales.chassis.trace;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The W3C trace context of the work the current thread does: set from an HTTP request's or a
 * record's {@code traceparent}, carried into every event raised meanwhile, so one customer call
 * can be followed through all four services. Plain Java on purpose: the domain raises events.
 */
public final class TraceContext {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    public static final String MDC_TRACE_ID = "traceId";

    private TraceContext() {}

    /** Continues {@code traceparent} if it is well formed, else starts a new trace. */
    public static void continueOrStart(String traceparent) {
        var value = traceparent != null && TRACEPARENT.matcher(traceparent).matches() ? traceparent : newRoot();
        CURRENT.set(value);
        MDC.put(MDC_TRACE_ID, traceIdOf(value));
    }

    public static void clear() {
        CURRENT.remove();
        MDC.remove(MDC_TRACE_ID);
    }

    /** A traceparent for a new span under the current one (or a new trace when there is none). */
    public static String nextChild() {
        var parent = CURRENT.get();
        if (parent == null) {
            return newRoot();
        }
        return "00-" + traceIdOf(parent) + "-" + hex(16) + "-01";
    }

    public static String current() {
        return CURRENT.get();
    }

    public static String traceIdOf(String traceparent) {
        return traceparent.substring(3, 35);
    }

    static String newRoot() {
        return "00-" + hex(32) + "-" + hex(16) + "-01";
    }

    private static String hex(int digits) {
        var random = ThreadLocalRandom.current();
        var sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }
}
