package dev.aftersales.chassis.paging;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a page ended: the last row's sort value and its {@code _id}. The next page starts strictly
 * after it in (sort value, {@code _id}) order, so rows inserted meanwhile never shift what follows.
 *
 * @param sortValue an {@link Instant}, a {@link String} or a {@link Long}: what a cursor can carry
 */
public record Position(Object sortValue, String id) {

    public Position {
        Objects.requireNonNull(sortValue, "sortValue");
        Objects.requireNonNull(id, "id");
        if (!(sortValue instanceof Instant || sortValue instanceof String || sortValue instanceof Long)) {
            throw new IllegalArgumentException("a cursor carries an Instant, a String or a Long, not " + sortValue);
        }
    }

    /** Written into a cursor: a one-letter type, then the value. */
    String encodedValue() {
        if (sortValue instanceof Instant) {
            return "t" + sortValue;
        }
        return (sortValue instanceof Long ? "n" : "s") + sortValue;
    }

    /** Read back from a cursor whose seal held; {@code IllegalArgumentException} if it is not one of ours. */
    static Position decode(String value, String id) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty sort value");
        }
        var rest = value.substring(1);
        return switch (value.charAt(0)) {
            case 't' -> new Position(Instant.parse(rest), id);
            case 'n' -> new Position(Long.parseLong(rest), id);
            case 's' -> new Position(rest, id);
            default -> throw new IllegalArgumentException("unknown sort value type");
        };
    }
}
