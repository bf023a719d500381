package dev.aftersales.chassis.testapp;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
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
    private Outbox outbox = new Outbox();

    Ticket(String id) {
        this.id = id;
    }

    void opened() {
        timesOpened++;
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
