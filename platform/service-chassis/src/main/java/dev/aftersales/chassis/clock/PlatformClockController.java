package dev.aftersales.chassis.clock;

import dev.aftersales.chassis.application.InvalidRequestException;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform clock's door, in the local stack only (profile {@code local}): OPS reads the
 * platform time, each service's applied step and what falls due next, and advances the clock.
 * Outside {@code local} there is no such door (404) and the business clock is the system clock.
 */
@RestController
@RequestMapping("/admin/clock")
class PlatformClockController {

    /** Exactly one of the two: how far to advance (ISO-8601, {@code PT4H1M}, {@code P30D}) or to when. */
    record AdvanceClock(
            @Size(max = 40) String by, @Size(max = 40) String to) {}

    record ServiceClock(
            String service,
            long step,
            Instant appliedTime,
            Instant nextDueAt,
            boolean settled,
            Map<String, Integer> sweepsActed) {}

    record ClockView(
            String mode,
            Instant platformTime,
            String offset,
            long step,
            String service,
            long appliedStep,
            List<ServiceClock> services) {}

    record AdvanceView(Instant from, Instant to, int steps, ClockView clock) {}

    private final PlatformClock clock;
    private final PlatformClockStore store;
    private final PlatformClockFollower follower;
    private final AdvancePlatformClock advance;
    private final String service;

    PlatformClockController(
            PlatformClock clock,
            PlatformClockStore store,
            PlatformClockFollower follower,
            AdvancePlatformClock advance,
            String service) {
        this.clock = clock;
        this.store = store;
        this.follower = follower;
        this.advance = advance;
        this.service = service;
    }

    @GetMapping
    ClockView show() {
        var applied = follower.applied();
        return new ClockView(
                "platform",
                clock.instant(),
                clock.offset().toString(),
                store.current().seq(),
                service,
                applied == null ? 0 : applied.seq(),
                store.reports().stream()
                        .map(r -> new ServiceClock(
                                r.service(), r.seq(), r.appliedTime(), r.nextDueAt(), r.settled(), r.acted()))
                        .toList());
    }

    /** Returns once every service applied the target time and what it set off has been handled. */
    @PostMapping
    AdvanceView advance(@RequestBody AdvanceClock request) {
        var blankBy = request.by() == null || request.by().isBlank();
        var blankTo = request.to() == null || request.to().isBlank();
        if (blankBy == blankTo) {
            throw new InvalidRequestException(
                    "by", "give exactly one of by (a duration such as PT4H1M) or to (an instant)");
        }
        AdvancePlatformClock.Advanced done;
        if (!blankBy) {
            Duration by;
            try {
                by = Duration.parse(request.by().trim());
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("by", "an ISO-8601 duration such as PT4H1M or P30D");
            }
            if (by.compareTo(Duration.ofDays(3660)) > 0) {
                throw new InvalidRequestException("by", "at most ten years at once");
            }
            done = advance.by(by);
        } else {
            Instant to;
            try {
                to = Instant.parse(request.to().trim());
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("to", "an ISO-8601 instant such as 2026-12-30T10:00:00Z");
            }
            if (to.isAfter(clock.instant().plus(Duration.ofDays(3660)))) {
                throw new InvalidRequestException("to", "at most ten years ahead at once");
            }
            done = advance.to(to, "to");
        }
        return new AdvanceView(done.from(), done.to(), done.steps(), show());
    }

    @ExceptionHandler(AdvancePlatformClock.ClockStepTimedOut.class)
    ResponseEntity<ProblemDetail> stepTimedOut(AdvancePlatformClock.ClockStepTimedOut e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Platform clock step not completed");
        problem.setProperty("services", e.missing);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }
}
