package dev.aftersales.dispatch.assignment.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintReopened;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.dispatch.assignment.application.AssignTechnician;
import dev.aftersales.dispatch.assignment.application.PartsOutcomeCommand;
import dev.aftersales.dispatch.assignment.application.RecordPartsOutcome;
import dev.aftersales.dispatch.assignment.application.ReopenAssignment;
import dev.aftersales.dispatch.assignment.domain.PartRequest;
import dev.aftersales.dispatch.assignment.domain.PartStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What assignments are made of: new and reopened cases from intake, reservation outcomes from parts. */
@Configuration(proxyBeanMethods = false)
class AssignmentSubscriptions {

    @Bean
    EventSubscriptions assignmentEvents(
            AssignTechnician assignTechnician,
            ReopenAssignment reopenAssignment,
            RecordPartsOutcome recordPartsOutcome) {
        return EventSubscriptions.builder()
                .on(ComplaintRegistered.class, assignTechnician::assign)
                .on(ComplaintReopened.class, reopenAssignment::reopen)
                .on(PartsReserved.class, event -> recordPartsOutcome.record(reserved(event)))
                .on(PartsBackordered.class, event -> recordPartsOutcome.record(backordered(event)))
                .build();
    }

    private static PartsOutcomeCommand reserved(ReceivedEvent<PartsReserved> event) {
        var reserved = event.payload();
        return new PartsOutcomeCommand(
                event.id(),
                reserved.assignmentId(),
                new PartRequest(
                        reserved.requestId(),
                        reserved.partNumber(),
                        reserved.quantity(),
                        PartStatus.RESERVED,
                        reserved.locationId(),
                        reserved.readyAt()));
    }

    private static PartsOutcomeCommand backordered(ReceivedEvent<PartsBackordered> event) {
        var backordered = event.payload();
        return new PartsOutcomeCommand(
                event.id(),
                backordered.assignmentId(),
                new PartRequest(
                        backordered.requestId(),
                        backordered.partNumber(),
                        backordered.quantity(),
                        PartStatus.BACKORDERED,
                        null,
                        backordered.expectedAt()));
    }
}
