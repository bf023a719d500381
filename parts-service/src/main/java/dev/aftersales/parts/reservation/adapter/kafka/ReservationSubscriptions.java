package dev.aftersales.parts.reservation.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.dispatch.AppointmentRescheduled;
import dev.aftersales.contracts.dispatch.AppointmentSet;
import dev.aftersales.contracts.dispatch.AssignmentCancelled;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.intake.ComplaintClosed;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.contracts.intake.PriorityChanged;
import dev.aftersales.contracts.intake.ResolutionAgreed;
import dev.aftersales.contracts.parts.StockReplenished;
import dev.aftersales.parts.reservation.application.ConsumeReservations;
import dev.aftersales.parts.reservation.application.ConsumeReservationsCommand;
import dev.aftersales.parts.reservation.application.MoveExpiry;
import dev.aftersales.parts.reservation.application.RecordComplaintPriority;
import dev.aftersales.parts.reservation.application.ReleaseReservations;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.reservation.application.ReserveReplacement;
import dev.aftersales.parts.reservation.application.ReserveReplacementCommand;
import dev.aftersales.parts.reservation.application.ServeBackorders;
import dev.aftersales.parts.reservation.application.WithdrawAssignment;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What reservations take from dispatch (requests, appointments, completed visits, withdrawals), from intake
 * (priority, cancellation) and from parts' own stock stream (units that became available, for the
 * backorders in line). Every handler is idempotent on its own: VisitCompleted is handled by
 * planning too.
 */
@Configuration(proxyBeanMethods = false)
class ReservationSubscriptions {

    @Bean
    EventSubscriptions reservationEvents(
            ReserveParts reserveParts,
            ServeBackorders serveBackorders,
            ConsumeReservations consumeReservations,
            ReleaseReservations releaseReservations,
            MoveExpiry moveExpiry,
            RecordComplaintPriority recordPriority,
            WithdrawAssignment withdrawAssignment,
            ReserveReplacement reserveReplacement) {
        return EventSubscriptions.builder()
                .on(
                        PartsRequested.class,
                        event -> reserveParts.reserve(reserveCommand(event)),
                        // a storm on a hot part: one hold and one backorder insert per poll, not per request
                        events -> reserveParts.reserveAll(events.stream()
                                .map(ReservationSubscriptions::reserveCommand)
                                .toList()))
                // Serving again finds nothing more to serve: a redelivery is harmless.
                .on(
                        StockReplenished.class,
                        event -> serveBackorders.serveAt(
                                event.payload().locationId(), event.payload().partNumber()))
                .on(
                        VisitCompleted.class,
                        event -> consumeReservations.consume(new ConsumeReservationsCommand(
                                event.id(), event.payload().assignmentId())))
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
                        event -> recordPriority.registered(
                                event.payload().complaintId(),
                                event.payload().priority(),
                                event.payload().registeredAt()))
                .on(
                        PriorityChanged.class,
                        event -> recordPriority.changed(
                                event.payload().complaintId(),
                                event.payload().priority(),
                                event.payload().changedAt()))
                // No visit will use what is held: the case was settled by phone, or closed.
                .on(
                        ComplaintResolvedByPhone.class,
                        event -> releaseReservations.releaseComplaint(
                                event.payload().complaintId(), "CANCELLED"))
                .on(
                        ComplaintClosed.class,
                        event -> releaseReservations.releaseComplaint(
                                event.payload().complaintId(), "CANCELLED"))
                // The visit will not happen: what was held for it, or waits for it, goes to others.
                .on(
                        AssignmentCancelled.class,
                        event -> withdrawAssignment.withdraw(event.payload().assignmentId()))
                // The goods an agreed resolution promised (replacements, gifts) are held for their dealer to ship.
                .on(ResolutionAgreed.class, event -> goodsOf(event.payload()).forEach(reserveReplacement::reserve))
                .build();
    }

    /**
     * The actions whose goods are stock items. An action lacking its goods' facts (a first-version
     * event, or goods not named) is left to its owner: parts cannot hold what it is not told.
     */
    private static List<ReserveReplacementCommand> goodsOf(ResolutionAgreed agreed) {
        return agreed.actions().stream()
                .filter(action -> action.kind().shipsGoods()
                        && action.actionId() != null
                        && action.itemNumber() != null
                        && action.quantity() != null
                        && action.quantity() > 0
                        && action.sellingDealerId() != null)
                .map(action -> new ReserveReplacementCommand(
                        agreed.complaintId(),
                        action.actionId(),
                        action.itemNumber(),
                        action.quantity(),
                        action.sellingDealerId()))
                .toList();
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
