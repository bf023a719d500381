package dev.aftersales.parts.reservation.domain;

import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.reservation.domain.SupplyChain.Supplier;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.TransferStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The terms of a reservation at a supplier: when the units are ready for the technician, and until
 * when they are held for the visit.
 *
 * @param transferTime how long a transfer between dealers takes
 * @param factoryLeadTime the factory's lead time when its location record names none
 * @param expiryGrace how long units stay held after the appointment's end, and at least after they are ready
 * @param holdWithoutAppointment how long units are held for a visit that has no appointment yet
 */
public record ReservationTerms(
        Duration transferTime, Duration factoryLeadTime, Duration expiryGrace, Duration holdWithoutAppointment) {

    /**
     * @param appointmentEnd the end of the visit's appointment, when one is known
     * @param portion part of a split request: its transfer id names the sender too, as several
     *     dealers may send portions of one request
     */
    public Reservation reservation(
            PartsRequest request,
            Supplier from,
            int quantity,
            Optional<Instant> appointmentEnd,
            Instant now,
            boolean portion) {
        return reservation(request, from.at(), from.source(), quantity, appointmentEnd, now, portion);
    }

    /**
     * Units at the technician's own dealer: ready at once, no transfer, so nothing of the dealer's
     * master data is needed (a request that ends here reads no location).
     */
    public Reservation atOwnDealer(PartsRequest request, int quantity, Optional<Instant> appointmentEnd, Instant now) {
        return reservation(
                request,
                Location.unknownDealer(request.dealerId()),
                ReservationSource.OWN_DEALER,
                quantity,
                appointmentEnd,
                now,
                false);
    }

    /** As {@link #reservation(PartsRequest, Supplier, int, Optional, Instant, boolean)}, for units at {@code at}. */
    public Reservation reservation(
            PartsRequest request,
            Location at,
            ReservationSource source,
            int quantity,
            Optional<Instant> appointmentEnd,
            Instant now,
            boolean portion) {
        var readyAt = switch (source) {
            case OWN_DEALER -> now;
            case TRANSFER -> now.plus(transferTime);
            case FACTORY -> now.plus(at.leadTime() != null ? at.leadTime() : factoryLeadTime);
        };
        var transfer = source == ReservationSource.TRANSFER;
        var transferId = !transfer
                ? null
                : portion
                        ? Reservation.portionTransferIdOf(request.requestId(), at.id())
                        : Reservation.transferIdOf(request.requestId());
        return new Reservation(
                request.requestId(),
                request.complaintId(),
                request.assignmentId(),
                quantity,
                now,
                source,
                readyAt,
                expiresAt(appointmentEnd, readyAt, now),
                transferId,
                transfer ? request.dealerId() : null,
                transfer ? at.id() : null,
                transfer ? TransferStatus.REQUESTED : null);
    }

    /**
     * The appointment's end plus the grace; without an appointment the hold from now. Never before
     * the parts are ready plus the grace: a technician gets the grace to use them.
     */
    public Instant expiresAt(Optional<Instant> appointmentEnd, Instant readyAt, Instant now) {
        return appointmentEnd
                .map(end -> expiresAfterAppointment(end, readyAt))
                .orElseGet(() -> notBeforeReady(now.plus(holdWithoutAppointment), readyAt));
    }

    /** For an appointment set or moved: its end plus the grace, never before the parts are ready plus the grace. */
    public Instant expiresAfterAppointment(Instant appointmentEnd, Instant readyAt) {
        return notBeforeReady(appointmentEnd.plus(expiryGrace), readyAt);
    }

    private Instant notBeforeReady(Instant expiry, Instant readyAt) {
        var earliest = readyAt.plus(expiryGrace);
        return expiry.isBefore(earliest) ? earliest : expiry;
    }

    /**
     * Goods of a resolution action held at {@code from}: they leave for the customer from where they
     * are (no transfer), ready at once at a dealer or after the factory's lead time. The dealer holding
     * them ships them; a factory's are shipped for the selling dealer, who confirms it.
     */
    public Reservation goods(
            String complaintId, String actionId, int quantity, Supplier from, String sellingDealerId, Instant now) {
        var factory = from.source() == ReservationSource.FACTORY;
        var readyAt =
                factory ? now.plus(from.at().leadTime() != null ? from.at().leadTime() : factoryLeadTime) : now;
        return Reservation.goods(
                complaintId,
                actionId,
                quantity,
                now,
                from.source(),
                readyAt,
                factory ? sellingDealerId : from.at().id());
    }
}
