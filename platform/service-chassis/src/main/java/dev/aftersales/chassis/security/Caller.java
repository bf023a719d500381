package dev.aftersales.chassis.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, as the use cases see it: the token's subject, roles and the ids it ties the caller
 * to. Use cases decide with it whose records the caller may see and change (object-level rules), so
 * the rules hold whichever door calls them.
 *
 * @param userId the token's subject, recorded as who did what
 * @param dealerId the dealer of a DEALER or TECHNICIAN token; null when the token names none
 * @param technicianId the technician of a TECHNICIAN token; null otherwise
 */
public record Caller(String userId, Set<Role> roles, String dealerId, String technicianId) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (var role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** A DEALER of exactly this dealer (a technician's dealer claim does not count). */
    public boolean isDealer(String dealer) {
        return has(Role.DEALER) && dealerId != null && dealerId.equals(dealer);
    }

    /** A TECHNICIAN with exactly this technician id. */
    public boolean isTechnician(String technician) {
        return has(Role.TECHNICIAN) && technicianId != null && technicianId.equals(technician);
    }
}
