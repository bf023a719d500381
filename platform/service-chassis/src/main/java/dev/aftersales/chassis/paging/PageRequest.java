package dev.aftersales.chassis.paging;

/**
 * One page asked of a list: how many rows and after which one. A store adapter reads {@code limit + 1}
 * rows ({@link Keyset#query}) so that {@link Paging#page} can tell whether another page follows.
 *
 * @param after null for the first page
 * @param binding what the next page's cursor is sealed to (list, filter, caller); opaque
 */
public record PageRequest(int limit, Position after, String binding) {

    /** The first {@code limit} rows, bound to nothing: for checking a filter before an export starts. */
    public static PageRequest first(int limit) {
        return walk(limit, null);
    }

    /** A walk over a whole list by the service itself (an export), bound to nothing. */
    static PageRequest walk(int limit, Position after) {
        return new PageRequest(limit, after, "");
    }
}
