package dev.aftersales.chassis.security;

import java.util.EnumSet;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Who is calling, from the bearer token of the current request. */
@Component
public class CurrentUser {

    public static final String TECHNICIAN_ID_CLAIM = "technician_id";
    public static final String DEALER_ID_CLAIM = "dealer_id";

    /** The token's subject: the user id, used to record who did what. */
    public String userId() {
        return jwt().getSubject();
    }

    public boolean hasRole(Role role) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role.name()));
    }

    /** The caller as the use cases take it: subject, roles and the dealer and technician the token names. */
    public Caller caller() {
        var roles = EnumSet.noneOf(Role.class);
        for (var role : Role.values()) {
            if (hasRole(role)) {
                roles.add(role);
            }
        }
        return new Caller(
                userId(),
                roles,
                claim(DEALER_ID_CLAIM).orElse(null),
                roles.contains(Role.TECHNICIAN) ? claim(TECHNICIAN_ID_CLAIM).orElse(null) : null);
    }

    /** The technician id of a TECHNICIAN token; 403 for a token without one. */
    public String technicianId() {
        return claim(TECHNICIAN_ID_CLAIM)
                .orElseThrow(() -> new AccessDeniedException("token has no " + TECHNICIAN_ID_CLAIM));
    }

    /**
     * A dealer reads its own dealer's records only: for a DEALER token (not also a supervisor's) another
     * dealer's are answered as if they did not exist (404), so dealer ids cannot be probed. Other roles
     * a door lets in see every dealer.
     */
    public void requireOwnDealer(String dealerId) {
        if (hasRole(Role.DEALER)
                && !hasRole(Role.SUPERVISOR)
                && !dealerId().map(dealerId::equals).orElse(false)) {
            throw new dev.aftersales.chassis.application.NotFoundException("no dealer " + dealerId);
        }
    }

    /** The dealer of a DEALER or TECHNICIAN token, if the token names one. */
    public Optional<String> dealerId() {
        return claim(DEALER_ID_CLAIM);
    }

    private Optional<String> claim(String name) {
        return Optional.ofNullable(jwt().getClaimAsString(name)).filter(s -> !s.isBlank());
    }

    private Jwt jwt() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt) {
            return jwt;
        }
        throw new AccessDeniedException("no bearer token");
    }
}
