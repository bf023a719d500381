package dev.aftersales.chassis.web;

import dev.aftersales.chassis.trace.TraceContext;
import dev.aftersales.contracts.CloudEventHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Continues the caller's W3C trace (or starts one) for everything the request does, events included. */
public class TraceparentFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TraceContext.continueOrStart(request.getHeader(CloudEventHeaders.TRACEPARENT));
        try {
            response.setHeader(CloudEventHeaders.TRACEPARENT, TraceContext.current());
            chain.doFilter(request, response);
        } finally {
            TraceContext.clear();
        }
    }
}
