package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The technician asks for a part for their visit; parts answers with a reservation or a backorder. */
@Service
public class RequestParts {

    private static final Logger log = LoggerFactory.getLogger(RequestParts.class);

    private final Assignments assignments;
    private final OwnAssignments own;
    private final Clock clock;

    RequestParts(Assignments assignments, OwnAssignments own, Clock clock) {
        this.assignments = assignments;
        this.own = own;
        this.clock = clock;
    }

    /** @return the request id, which the reservation or backorder will carry */
    public String request(RequestPartsCommand command) {
        var assignment = own.get(command.technicianId(), command.assignmentId());
        var requestId = command.clientRequestId() == null
                ? UUID.randomUUID().toString()
                // one technician's key names one request, whatever instance handles the retry
                : UUID.nameUUIDFromBytes(("parts-request:" + command.technicianId() + ":" + command.clientRequestId())
                                .getBytes(StandardCharsets.UTF_8))
                        .toString();
        try {
            assignment.requestParts(requestId, command.partNumber(), command.quantity(), clock.instant());
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
        assignments.save(assignment);
        log.info("parts request {} on assignment {}", requestId, assignment.id());
        return requestId;
    }
}
