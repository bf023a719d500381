package dev.aftersales.chassis.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TicketController {

    enum Kind {
        REPAIR,
        INSTALLATION
    }

    record Contact(
            @NotBlank String name,
            @NotBlank @Pattern(regexp = "1[3-9]\\d{9}") String phone) {}

    record TicketRequest(@NotNull Kind kind, @NotNull @Valid Contact contact, List<String> notes) {}

    private final TicketDesk desk;

    TicketController(TicketDesk desk) {
        this.desk = desk;
    }

    record Opened(String ticketId, String openedBy, String serial) {}

    /**
     * Opens ticket {@code id}: 201 with its location and a random serial (so a replayed answer can be
     * told from a second run); 409 when it exists. With {@code hold}, waits for the test's gate first.
     */
    @PostMapping("/tickets/{id}")
    @PreAuthorize("hasRole('AGENT')")
    ResponseEntity<Opened> open(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean hold,
            @Valid @RequestBody TicketRequest request,
            java.security.Principal caller)
            throws InterruptedException {
        if (hold) {
            desk.held();
        }
        desk.openNew(id);
        return ResponseEntity.created(java.net.URI.create("/tickets/" + id))
                .body(new Opened(
                        id, caller.getName(), java.util.UUID.randomUUID().toString()));
    }

    /** Raises an event whose reason is {@code reasonLength} characters long, to try the event size bound. */
    @PostMapping("/tickets/{id}/escalation")
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.CREATED)
    void escalate(@PathVariable String id, @RequestParam int reasonLength) {
        desk.escalate(id, "原".repeat(reasonLength));
    }

    @PostMapping("/tickets")
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.CREATED)
    TicketRequest create(@Valid @RequestBody TicketRequest request) {
        return request;
    }
}
