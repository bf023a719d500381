package dev.aftersales.chassis.clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Says on every answer which clock the service runs on, e.g. {@code Aftersales-Clock: platform
 * 2026-12-30T10:00:00Z (+30d)}, so people in a training run know why dates are a month ahead.
 */
final class ClockHeaderFilter extends OncePerRequestFilter {

    static final String HEADER = "Aftersales-Clock";

    private final PlatformClock clock;

    ClockHeaderFilter(PlatformClock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, clock.describe());
        chain.doFilter(request, response);
    }
}
