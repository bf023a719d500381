package dev.aftersales.dispatch.feed.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.chassis.web.ProblemResponses;
import dev.aftersales.dispatch.feed.application.FeedTicketDesk;
import dev.aftersales.dispatch.feed.application.FeedTicketDesk.IssuedTicket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The push stream of the technicians' app (Server-Sent Events): the caller's own feed only. Each
 * event's id is its entry number; a phone that reconnects with {@code Last-Event-ID: n} receives
 * exactly the entries after n. The stream holds no thread: it is woken when a change for the
 * technician is seen ({@link OpenFeeds}) and ends after {@code aftersales.dispatch.feed.max-stream};
 * the app then reconnects. An app that cannot send headers asks for a ticket first and opens the
 * stream with {@code ?ticket=} ({@link FeedTicketAuthentication}).
 */
@RestController
@RequestMapping("/api/technician/feed")
@PreAuthorize("hasRole('TECHNICIAN')")
class TechnicianFeedController {

    private final OpenFeeds feeds;
    private final FeedTicketDesk tickets;
    private final CurrentUser currentUser;

    TechnicianFeedController(OpenFeeds feeds, FeedTicketDesk tickets, CurrentUser currentUser) {
        this.feeds = feeds;
        this.tickets = tickets;
        this.currentUser = currentUser;
    }

    @GetMapping(produces = "text/event-stream")
    void stream(
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        var technicianId = currentUser.technicianId();
        if (!feeds.open(technicianId, parse(lastEventId), request, response)) {
            response.setHeader("Retry-After", String.valueOf(feeds.retryAfterSeconds()));
            ProblemResponses.write(
                    response,
                    503,
                    "feeds-full",
                    "Service Unavailable",
                    "This instance has as many feeds open as it takes; reconnect after Retry-After seconds.");
        }
    }

    /** A single-use ticket for {@code GET /api/technician/feed?ticket=}, for an app that cannot send headers. */
    @PostMapping("/tickets")
    ResponseEntity<IssuedTicket> ticket() {
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(tickets.issue(currentUser.caller()));
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
