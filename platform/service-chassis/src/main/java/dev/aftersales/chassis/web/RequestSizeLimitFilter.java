package dev.aftersales.chassis.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies above their path's limit with 413 before anything reads them: at once
 * when the declared length is too big; a body without a declared length (chunked) is read here up
 * to the limit and refused as soon as it passes it, so no handler ever sees more, whether it reads
 * its body or not. Bulk imports are given a larger limit by path pattern; a path marked streamed
 * (an upload its handler reads as it arrives) is not buffered: reading past the limit throws
 * {@link PayloadTooLargeException} in the handler instead, which answers 413.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** A larger limit for the paths matching any of {@code patterns} (Spring path patterns, e.g. {@code /api/archive/**}). */
    public record PathLimit(List<String> patterns, long limit, boolean streamed) {

        public PathLimit(List<String> patterns, long limit) {
            this(patterns, limit, false);
        }
    }

    private record Rule(List<PathPattern> patterns, long limit, boolean streamed) {}

    private static final Rule DEFAULT = new Rule(List.of(), 0, false);

    private final long defaultLimit;
    private final List<Rule> rules;

    public RequestSizeLimitFilter(long defaultLimit, List<PathLimit> larger) {
        this.defaultLimit = defaultLimit;
        this.rules = larger.stream()
                .map(l -> new Rule(
                        l.patterns().stream()
                                .map(PathPatternParser.defaultInstance::parse)
                                .toList(),
                        l.limit(),
                        l.streamed()))
                .toList();
    }

    public RequestSizeLimitFilter(long defaultLimit) {
        this(defaultLimit, List.of());
    }

    long limitFor(String path) {
        var rule = ruleFor(path);
        return rule == DEFAULT ? defaultLimit : rule.limit();
    }

    private Rule ruleFor(String path) {
        var container = PathContainer.parsePath(path);
        for (var rule : rules) {
            if (rule.patterns().stream().anyMatch(p -> p.matches(container))) {
                return rule;
            }
        }
        return DEFAULT;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var rule = ruleFor(path);
        var limit = rule == DEFAULT ? defaultLimit : rule.limit();
        var declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, limit);
            return;
        }
        if (declared >= 0) {
            // The container delivers no more than the declared length.
            chain.doFilter(request, response);
            return;
        }
        if (rule.streamed()) {
            chain.doFilter(LimitedBodyRequest.wrap(request, limit), response);
            return;
        }
        var body = CachedBodyRequest.readUpTo(request.getInputStream(), limit);
        if (body == null) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(CachedBodyRequest.wrap(request, body), response);
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        ProblemResponses.write(
                response,
                413,
                "payload-too-large",
                "Payload too large",
                "The request body is larger than " + limit + " bytes.");
    }
}
