package dev.aftersales.parts.reservation.application;

import dev.aftersales.chassis.security.Caller;
import org.springframework.stereotype.Service;

/** Where a resolution action's goods stand, for operations and the dealer who ships them. */
@Service
public class ShowReplacement {

    private final ReplacementLookup lookup;

    ShowReplacement(ReplacementLookup lookup) {
        this.lookup = lookup;
    }

    public Replacement view(String complaintId, String actionId, Caller caller) {
        return lookup.require(caller, complaintId, actionId);
    }
}
