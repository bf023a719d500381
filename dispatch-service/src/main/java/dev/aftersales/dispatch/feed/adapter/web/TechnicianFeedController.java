package dev.aftersales.dispatch.feed.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.feed.application.ReadFeed;
import dev.aftersales.dispatch.feed.domain.FeedEntry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The push stream of the technicians' app (Server-Sent Events): the caller's own feed only. Each
 * event's id is its entry number; a phone that reconnects with {@code Last-Event-ID: n} receives
 * exactly the entries after n. The stream polls the technician's feed document (one {@code _id}
 * read) and ends after {@code aftersales.dispatch.feed.max-stream}; the app then reconnects.
 */
@RestController
@RequestMapping("/api/technician/feed")
@PreAuthorize("hasRole('TECHNICIAN')")
class TechnicianFeedController {

    private final ReadFeed readFeed;
    private final CurrentUser currentUser;
    private final Duration poll;
    private final Duration maxStream;

    TechnicianFeedController(ReadFeed readFeed, CurrentUser currentUser, DispatchProperties properties) {
        this.readFeed = readFeed;
        this.currentUser = currentUser;
        this.poll = properties.feed().poll();
        this.maxStream = properties.feed().maxStream();
    }

    @GetMapping(produces = "text/event-stream")
    void stream(
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId, HttpServletResponse response)
            throws IOException, InterruptedException {
        var technicianId = currentUser.technicianId();
        long last = parse(lastEventId);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache");
        var out = response.getWriter();
        out.write("retry: 2000\n\n");
        out.flush();
        var end = System.nanoTime() + maxStream.toNanos();
        var nextHeartbeat = System.nanoTime();
        while (System.nanoTime() < end) {
            for (var entry : readFeed.after(technicianId, last)) {
                out.write(format(entry));
                last = entry.seq();
            }
            if (System.nanoTime() >= nextHeartbeat) {
                out.write(": keep-alive\n\n");
                nextHeartbeat = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            }
            out.flush();
            if (out.checkError()) {
                return; // the phone is gone
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private static String format(FeedEntry entry) {
        return "id: " + entry.seq() + "\nevent: " + entry.change() + "\ndata: {\"assignmentId\":\""
                + entry.assignmentId() + "\",\"complaintId\":\"" + entry.complaintId() + "\",\"at\":\"" + entry.at()
                + "\"" + (entry.priority() == null ? "" : ",\"priority\":\"" + entry.priority() + "\"") + "}\n\n";
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
