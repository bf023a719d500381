package dev.aftersales.parts.reservation.application;

import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.parts.PartsProperties;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.location.domain.Locations;
import dev.aftersales.parts.reservation.domain.CaseFacts;
import dev.aftersales.parts.stock.domain.Reservation;
import dev.aftersales.parts.stock.domain.TransferStatus;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The terms of a reservation at a given location for a technician's dealer: where the units come
 * from, when they are ready, and until when they are held.
 */
@Component
public class ReservationTerms {

    private final Locations locations;
    private final CaseFacts caseFacts;
    private final PartsProperties properties;

    ReservationTerms(Locations locations, CaseFacts caseFacts, PartsProperties properties) {
        this.locations = locations;
        this.caseFacts = caseFacts;
        this.properties = properties;
    }

    /** A location without master data counts as a dealer, farther than every described one. */
    public Location location(String locationId) {
        return locations.find(locationId).orElseGet(() -> Location.unknownDealer(locationId));
    }

    public Reservation at(
            Location holder,
            String dealerId,
            String requestId,
            String complaintId,
            String assignmentId,
            int quantity,
            Instant now) {
        return at(holder, dealerId, requestId, complaintId, assignmentId, quantity, now, false);
    }

    /**
     * @param portion part of a split request: its transfer id names the sender too ({@code
     *     TR-<requestId>-<locationId>}), as several dealers may send portions of one request
     */
    public Reservation at(
            Location holder,
            String dealerId,
            String requestId,
            String complaintId,
            String assignmentId,
            int quantity,
            Instant now,
            boolean portion) {
        ReservationSource source;
        Instant readyAt;
        if (holder.id().equals(dealerId)) {
            source = ReservationSource.OWN_DEALER;
            readyAt = now;
        } else if (holder.kind() == LocationKind.FACTORY) {
            source = ReservationSource.FACTORY;
            readyAt = now.plus(holder.leadTime() != null ? holder.leadTime() : properties.factoryLeadTime());
        } else {
            source = ReservationSource.TRANSFER;
            readyAt = now.plus(properties.transferTime());
        }
        var transfer = source == ReservationSource.TRANSFER;
        return new Reservation(
                requestId,
                complaintId,
                assignmentId,
                quantity,
                now,
                source,
                readyAt,
                expiresAt(assignmentId, readyAt, now),
                transfer ? (portion ? "TR-" + requestId + "-" + holder.id() : "TR-" + requestId) : null,
                transfer ? dealerId : null,
                transfer ? holder.id() : null,
                transfer ? TransferStatus.REQUESTED : null);
    }

    /**
     * The appointment's end plus the grace period; without an appointment the hold from now. Never
     * before the parts are ready plus the grace period: a technician gets the grace to use them.
     */
    public Instant expiresAt(String assignmentId, Instant readyAt, Instant now) {
        var base = caseFacts
                .appointmentEndOf(assignmentId)
                .map(end -> end.plus(properties.expiryGrace()))
                .orElseGet(() -> now.plus(properties.holdWithoutAppointment()));
        var earliest = readyAt.plus(properties.expiryGrace());
        return base.isBefore(earliest) ? earliest : base;
    }
}
