package dev.aftersales.chassis.testapp;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("tickets")
public class Ticket implements HasOutbox {

    @Id
    private String id;

    @Version
    private Long version;

    private int timesOpened;
    private Outbox outbox = new Outbox(List.of(), List.of());

    Ticket(String id) {
        this.id = id;
    }

    void opened() {
        timesOpened++;
    }

    /** The test app keeps no domain object apart from its document: events go through the outbox's own mapping. */
    boolean firstDelivery(String eventId) {
        var events = Outbox.eventsOf(outbox);
        var first = events.firstDelivery(eventId);
        outbox = Outbox.of(events);
        return first;
    }

    void raise(Record event, String key) {
        var events = Outbox.eventsOf(outbox);
        events.raise(event, key);
        outbox = Outbox.of(events);
    }

    void audit(String action, String actor, java.util.Map<String, String> details, java.time.Instant at) {
        var events = Outbox.eventsOf(outbox);
        events.audit(action, actor, id(), details, at);
        outbox = Outbox.of(events);
    }

    public int timesOpened() {
        return timesOpened;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }
}
