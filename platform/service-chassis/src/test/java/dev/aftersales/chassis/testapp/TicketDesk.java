package dev.aftersales.chassis.testapp;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;

@Service
public class TicketDesk {

    private final Tickets tickets;
    /** Symptom text that makes the handler fail this many times first, to exercise retries. */
    final AtomicInteger transientFailuresLeft = new AtomicInteger();

    TicketDesk(Tickets tickets) {
        this.tickets = tickets;
    }

    /** A request that holds counts {@code entered} down, then waits until the test opens {@code gate}. */
    volatile java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);

    volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

    void held() throws InterruptedException {
        entered.countDown();
        gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    void openNew(String id) {
        if (tickets.existsById(id)) {
            throw new dev.aftersales.chassis.application.ConflictException("ticket " + id + " exists");
        }
        tickets.save(new Ticket(id));
    }

    /** Raises before it saves, as every aggregate must: a refused event leaves nothing stored. */
    void escalate(String id, String reason) {
        var ticket = tickets.findById(id).orElseGet(() -> new Ticket(id));
        ticket.raise(new AssignmentEscalated("A-" + id, id, reason, Instant.now()), id);
        tickets.save(ticket);
    }

    void open(ReceivedEvent<ComplaintRegistered> event) {
        if ("flaky".equals(event.payload().symptoms()) && transientFailuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("store briefly unavailable");
        }
        var id = event.payload().complaintId();
        var ticket = tickets.findById(id).orElseGet(() -> new Ticket(id));
        if (!ticket.firstDelivery(event.id())) {
            return;
        }
        ticket.opened();
        ticket.raise(new AssignmentEscalated("A-" + id, id, "test", Instant.now()), id);
        tickets.save(ticket);
    }
}
