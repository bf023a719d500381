package dev.aftersales.parts.reservation.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.parts.reservation.application.ConsumeReservations;
import dev.aftersales.parts.reservation.application.ConsumeReservationsCommand;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What parts consumes from dispatch's assignment stream; every other type there is skipped. */
@Configuration(proxyBeanMethods = false)
class DispatchEventSubscriptions {

    @Bean
    EventSubscriptions partsSubscriptions(ReserveParts reserveParts, ConsumeReservations consumeReservations) {
        return EventSubscriptions.builder()
                .on(PartsRequested.class, event -> reserveParts.reserve(reserveCommand(event)))
                .on(
                        VisitCompleted.class,
                        event -> consumeReservations.consume(new ConsumeReservationsCommand(
                                event.id(), event.payload().assignmentId())))
                .build();
    }

    /** Parts are looked for where the technician is: the technician's dealer is the location. */
    private static ReservePartsCommand reserveCommand(ReceivedEvent<PartsRequested> event) {
        var request = event.payload();
        return new ReservePartsCommand(
                event.id(),
                request.requestId(),
                request.complaintId(),
                request.assignmentId(),
                request.dealerId(),
                request.partNumber(),
                request.quantity());
    }
}
