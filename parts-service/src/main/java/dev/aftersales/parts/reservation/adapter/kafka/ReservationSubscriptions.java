package dev.aftersales.parts.reservation.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.dispatch.AppointmentRescheduled;
import dev.aftersales.contracts.dispatch.AppointmentSet;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.intake.ComplaintClosed;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.parts.planning.application.RecordDemand;
import dev.aftersales.parts.reservation.application.ConsumeReservations;
import dev.aftersales.parts.reservation.application.ConsumeReservationsCommand;
import dev.aftersales.parts.reservation.application.MoveExpiry;
import dev.aftersales.parts.reservation.application.ReleaseReservations;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What parts consumes from dispatch and intake; every other type on those topics is skipped. */
@Configuration(proxyBeanMethods = false)
class DispatchEventSubscriptions {

    @Bean
    EventSubscriptions partsSubscriptions(
            ReserveParts reserveParts,
            ConsumeReservations consumeReservations,
            ReleaseReservations releaseReservations,
            MoveExpiry moveExpiry,
            CaseFacts caseFacts,
            RecordDemand recordDemand) {
        return EventSubscriptions.builder()
                .on(PartsRequested.class, event -> reserveParts.reserve(reserveCommand(event)))
                .on(VisitCompleted.class, event -> {
                    consumeReservations.consume(new ConsumeReservationsCommand(
                            event.id(), event.payload().assignmentId()));
                    recordDemand.visitCompleted(event.id(), event.payload());
                })
                .on(
                        AppointmentSet.class,
                        event -> moveExpiry.appointmentEnds(
                                event.payload().assignmentId(), event.payload().windowEnd()))
                .on(
                        AppointmentRescheduled.class,
                        event -> moveExpiry.appointmentEnds(
                                event.payload().assignmentId(), event.payload().windowEnd()))
                .on(
                        ComplaintRegistered.class,
                        event -> caseFacts.recordPriority(
                                event.payload().complaintId(), event.payload().priority()))
                // No visit will use what is held: the case was settled by phone, or closed.
                .on(
                        ComplaintResolvedByPhone.class,
                        event -> releaseReservations.releaseComplaint(
                                event.payload().complaintId(), "CANCELLED"))
                .on(
                        ComplaintClosed.class,
                        event -> releaseReservations.releaseComplaint(
                                event.payload().complaintId(), "CANCELLED"))
                .on(InstallationRecorded.class, event -> recordDemand.installed(event.payload()))
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
