package dev.aftersales.chassis.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the servlet container forwards a failed request to render its problem; it
 * is not a door. Called directly (open to everyone, so that every error can render) it answered 500
 * with Boot's default body, which anyone could use to raise the services' 5xx alerts. A direct call
 * now answers 404 like any unknown path; forwarded errors (ERROR dispatches) are untouched.
 */
public class ErrorPathFilter extends OncePerRequestFilter {

    static final String ERROR_PATH = "/error";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(ERROR_PATH) || path.startsWith(ERROR_PATH + "/")) {
            ProblemResponses.write(response, 404, "not-found", "Not found", "There is no such resource.");
            return;
        }
        chain.doFilter(request, response);
    }
}
