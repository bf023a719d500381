package dev.aftersales.dispatch.feed.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.security.SecurityConfiguration;
import dev.aftersales.chassis.web.ProblemResponses;
import dev.aftersales.dispatch.feed.application.FeedTicketDesk;
import dev.aftersales.dispatch.feed.domain.FeedTicket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens {@code GET /api/technician/feed?ticket=…} without an Authorization header: the ticket is
 * taken (once, on any instance) and the request goes on as its technician's, as if with their token.
 * No other door and no other method takes a ticket; a request with a bearer token ignores it.
 * Runs before Spring Security, which finds the caller where a stateless chain looks for one already
 * established in this request (a request attribute). The ticket is never logged: the filter names
 * neither it nor the query string, and the service's access-log pattern leaves query strings out.
 */
class FeedTicketAuthentication extends OncePerRequestFilter {

    static final String PATH = "/api/technician/feed";
    static final String PARAMETER = "ticket";

    private final FeedTicketDesk tickets;

    FeedTicketAuthentication(FeedTicketDesk tickets) {
        this.tickets = tickets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !PATH.equals(request.getRequestURI())
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter(PARAMETER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var holder = tickets.take(request.getParameter(PARAMETER));
        if (holder.isEmpty()) {
            ProblemResponses.write(
                    response,
                    401,
                    "unauthenticated",
                    "Unauthenticated",
                    "The ticket is unknown, used already or expired; ask for a new one.");
            return;
        }
        request.setAttribute(
                RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME,
                new SecurityContextImpl(asTechnician(holder.get())));
        chain.doFilter(request, response);
    }

    /** The caller as the bearer token would have made them: the same claims, so CurrentUser reads them alike. */
    private static JwtAuthenticationToken asTechnician(FeedTicket ticket) {
        var claims = new HashMap<String, Object>();
        claims.put(CurrentUser.TECHNICIAN_ID_CLAIM, ticket.technicianId());
        if (ticket.dealerId() != null) {
            claims.put(CurrentUser.DEALER_ID_CLAIM, ticket.dealerId());
        }
        claims.put(SecurityConfiguration.ROLES_CLAIM, List.of(Role.TECHNICIAN.name()));
        var jwt = Jwt.withTokenValue("feed-ticket")
                .header("alg", "none")
                .subject(ticket.userId())
                .claims(c -> c.putAll(claims))
                .build();
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + Role.TECHNICIAN.name())));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Just before Spring Security's filter chain. */
        @Bean
        FilterRegistrationBean<FeedTicketAuthentication> feedTicketAuthentication(FeedTicketDesk tickets) {
            var registration = new FilterRegistrationBean<>(new FeedTicketAuthentication(tickets));
            registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
            return registration;
        }
    }
}
