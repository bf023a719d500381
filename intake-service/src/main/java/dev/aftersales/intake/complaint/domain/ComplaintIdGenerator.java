package dev.aftersales.intake.complaint.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Makes complaint ids like {@code C-20261123-1BX4Z0K7M2QD}: {@code C-}, the UTC registration date,
 * then twelve Crockford base32 characters: six for the millisecond of that day and six random
 * (30 bits). Ids therefore sort by registration time (to the millisecond) as plain strings, are
 * unique without coordination between instances (two ids collide only when registered in the same
 * millisecond and drawing the same 30 bits; the store refuses the second and it is drawn again),
 * and avoid the letters I, L, O, U so they can be read out over the phone.
 */
public final class ComplaintIdGenerator {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int TIME_CHARS = 6;
    private static final int RANDOM_CHARS = 6;

    private final RandomGenerator random;

    public ComplaintIdGenerator(RandomGenerator random) {
        this.random = random;
    }

    /**
     * Whether {@code id} is in the space of ids this generator makes (they all start {@code C-}). An
     * event naming anything else (a thank-you call's {@code INST-<serial>}) is about no case intake
     * registered; one naming a {@code C-} id intake does not know points at lost data.
     */
    public static boolean isComplaintId(String id) {
        return id != null && id.startsWith("C-");
    }

    public String next(Instant registeredAt) {
        var sb = new StringBuilder(23)
                .append("C-")
                .append(DAY.format(registeredAt))
                .append('-');
        appendBase32(sb, Math.floorMod(registeredAt.toEpochMilli(), MILLIS_PER_DAY), TIME_CHARS);
        appendBase32(sb, random.nextLong(1L << (5 * RANDOM_CHARS)), RANDOM_CHARS);
        return sb.toString();
    }

    private static void appendBase32(StringBuilder sb, long value, int chars) {
        for (int shift = 5 * (chars - 1); shift >= 0; shift -= 5) {
            sb.append(CROCKFORD[(int) ((value >>> shift) & 31)]);
        }
    }
}
