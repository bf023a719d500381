package dev.aftersales.chassis.audit;

import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.chassis.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Limits how many {@link PersonalDataRead} calls one user makes per minute, across all such doors of
 * the service, and audits each call it lets through: who read what (the door's pattern, never the
 * query, which may hold a phone number). Over the limit the answer is 429 with {@code Retry-After}.
 *
 * <p>Counted per instance in memory (a fixed window per user): with n instances a user gets at most
 * n times the limit, which still stops a scrape; the audit trail sees every read either way.
 */
public class PersonalDataReads implements HandlerInterceptor {

    static final String ACTION = "personal-data.read";
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_USERS_TRACKED = 100_000;

    private record Window(long startMillis, int calls) {}

    private final Audit audit;
    private final int perMinute;
    // wall time, not the business clock: a limit on how fast someone reads
    private final WallClock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public PersonalDataReads(Audit audit, int perMinute) {
        this(audit, perMinute, WallClock.system());
    }

    public PersonalDataReads(Audit audit, int perMinute, WallClock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("aftersales.personal-data-reads.per-minute must be positive");
        }
        this.audit = audit;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(PersonalDataRead.class)) {
            return true;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return true; // the security chain answers it
        }
        var user = authentication.getName();
        var now = clock.millis();
        if (windows.size() > MAX_USERS_TRACKED) {
            windows.entrySet().removeIf(e -> now - e.getValue().startMillis() >= WINDOW.toMillis());
        }
        var window = windows.compute(
                user,
                (u, w) -> w == null || now - w.startMillis() >= WINDOW.toMillis()
                        ? new Window(now, 1)
                        : new Window(w.startMillis(), w.calls() + 1));
        if (window.calls() > perMinute) {
            var retryAfter = Duration.ofMillis(window.startMillis() + WINDOW.toMillis() - now);
            throw new TooManyRequestsException(
                    retryAfter, "At most " + perMinute + " reads of personal data per minute; try again later.");
        }
        var read = method.getMethodAnnotation(PersonalDataRead.class).value();
        var pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        audit.record(new AuditEntry(
                ACTION, user, read, Map.of("door", request.getMethod() + " " + pattern), clock.instant()));
        return true;
    }
}
