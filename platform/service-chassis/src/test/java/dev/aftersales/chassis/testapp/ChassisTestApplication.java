package dev.aftersales.chassis.testapp;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A minimal service on the chassis, standing in for the real ones: it consumes
 * ComplaintRegistered into a {@link Ticket} aggregate and raises events through its outbox.
 */
@SpringBootApplication
public class ChassisTestApplication {

    @Bean
    EventSubscriptions subscriptions(TicketDesk desk) {
        return EventSubscriptions.builder()
                .on(ComplaintRegistered.class, desk::open)
                .build();
    }
}
