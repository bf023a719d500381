package dev.aftersales.dispatch.assignment.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.dispatch.WithdrawalReason;
import dev.aftersales.contracts.intake.ComplaintCancelled;
import dev.aftersales.contracts.intake.ComplaintClosed;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintReopened;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.contracts.intake.PriorityChanged;
import dev.aftersales.contracts.intake.RepeatCallLogged;
import dev.aftersales.contracts.intake.ResolutionAgreed;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.dispatch.assignment.application.AssignTechnician;
import dev.aftersales.dispatch.assignment.application.CarryOutRevisit;
import dev.aftersales.dispatch.assignment.application.ChangePriority;
import dev.aftersales.dispatch.assignment.application.PartsOutcomeCommand;
import dev.aftersales.dispatch.assignment.application.RecordPartsOutcome;
import dev.aftersales.dispatch.assignment.application.RecordRepeatCall;
import dev.aftersales.dispatch.assignment.application.ReopenAssignment;
import dev.aftersales.dispatch.assignment.application.WithdrawAssignments;
import dev.aftersales.dispatch.assignment.domain.PartRequest;
import dev.aftersales.dispatch.assignment.domain.PartStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What assignments are made of: new and reopened cases, visits an agreed resolution asks for and
 * priority changes from intake; cases settled, closed or cancelled withdraw their assignments;
 * reservation outcomes from parts.
 */
@Configuration(proxyBeanMethods = false)
class AssignmentSubscriptions {

    @Bean
    EventSubscriptions assignmentEvents(
            AssignTechnician assignTechnician,
            ReopenAssignment reopenAssignment,
            RecordPartsOutcome recordPartsOutcome,
            WithdrawAssignments withdrawAssignments,
            CarryOutRevisit carryOutRevisit,
            ChangePriority changePriority,
            RecordRepeatCall recordRepeatCall) {
        return EventSubscriptions.builder()
                .on(ComplaintRegistered.class, assignTechnician::assign)
                .on(ComplaintReopened.class, reopenAssignment::reopen)
                .on(ResolutionAgreed.class, carryOutRevisit::carryOut)
                .on(PriorityChanged.class, changePriority::change)
                .on(RepeatCallLogged.class, recordRepeatCall::record)
                .on(
                        ComplaintResolvedByPhone.class,
                        event -> withdrawAssignments.withdraw(
                                event.payload().complaintId(), WithdrawalReason.SETTLED_BY_PHONE))
                .on(
                        ComplaintClosed.class,
                        event -> withdrawAssignments.withdraw(event.payload().complaintId(), WithdrawalReason.CLOSED))
                .on(
                        ComplaintCancelled.class,
                        event -> withdrawAssignments.withdraw(
                                event.payload().complaintId(),
                                WithdrawalReason.valueOf(
                                        event.payload().reason().name())))
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
