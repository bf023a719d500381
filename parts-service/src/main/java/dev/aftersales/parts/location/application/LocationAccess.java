package dev.aftersales.parts.location.application;

import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whose stock a caller may see or change: the listed roles every location's, a dealer only its own
 * (a dealer's location id is its dealer id). Locations are no secret (every dealer reads the
 * master), so another dealer's location answers 403, not 404.
 */
public final class LocationAccess {

    private LocationAccess() {}

    public static void require(Caller caller, String locationId, Role... everyLocation) {
        if (caller.hasAny(everyLocation)) {
            return;
        }
        if (!caller.isDealer(locationId)) {
            throw new AccessDeniedException("location " + locationId + " is not the caller's");
        }
    }
}
