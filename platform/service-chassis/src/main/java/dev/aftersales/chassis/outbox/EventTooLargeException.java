package dev.aftersales.chassis.outbox;

/**
 * A change would raise an event larger than the configured bound ({@code aftersales.events.max-size},
 * well below the broker's 1 MiB record limit). Thrown before anything is saved, so the change is
 * refused as a whole instead of leaving an event in an outbox that could never be published. The
 * web layer answers it 413.
 */
public class EventTooLargeException extends RuntimeException {

    public EventTooLargeException(String type, long size, long limit) {
        super("The change would publish a " + type + " event of " + size + " bytes, above the limit of " + limit
                + " bytes.");
    }
}
