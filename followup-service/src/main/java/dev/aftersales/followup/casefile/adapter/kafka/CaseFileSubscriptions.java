package dev.aftersales.followup.casefile.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.intake.ComplaintClosed;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintReopened;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.followup.casefile.application.UpdateCaseFile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What intake and dispatch say about a case, written into its case file: the machine and customer,
 * who served it, the visits and their rounds, and the history the return-call agent reads. Each
 * event is applied once: its id is recorded in the case file's own save.
 */
@Configuration(proxyBeanMethods = false)
class CaseFileSubscriptions {

    @Bean
    EventSubscriptions caseFileEvents(UpdateCaseFile caseFile) {
        return EventSubscriptions.builder()
                .on(ComplaintRegistered.class, event -> {
                    var c = event.payload();
                    caseFile.apply(
                            event.id(),
                            c.complaintId(),
                            f -> f.registered(
                                    c.serialNumber(),
                                    c.model(),
                                    c.batchNumber(),
                                    c.customerId(),
                                    c.registeredAt(),
                                    "registered: " + c.kind() + " via " + c.channel()
                                            + (c.settledByPhone() ? ", settled by phone" : "")));
                })
                .on(ComplaintResolvedByPhone.class, event -> {
                    var r = event.payload();
                    caseFile.apply(event.id(), r.complaintId(), f -> f.step(r.resolvedAt(), "resolved by phone"));
                })
                .on(ComplaintReopened.class, event -> {
                    var r = event.payload();
                    caseFile.apply(
                            event.id(),
                            r.complaintId(),
                            f -> f.step(r.reopenedAt(), "reopened for round " + r.round()));
                })
                .on(ComplaintClosed.class, event -> {
                    var c = event.payload();
                    caseFile.apply(event.id(), c.complaintId(), f -> f.step(c.closedAt(), "closed"));
                })
                .on(TechnicianAssigned.class, event -> {
                    var a = event.payload();
                    caseFile.apply(
                            event.id(),
                            a.complaintId(),
                            f -> f.assigned(a.technicianId(), a.dealerId(), a.assignedAt()));
                })
                .on(VisitCompleted.class, event -> {
                    var v = event.payload();
                    var parts = v.partsUsed().stream().map(PartLine::partNumber).toList();
                    caseFile.apply(
                            event.id(),
                            v.complaintId(),
                            f -> f.visitCompleted(
                                    v.assignmentId(),
                                    v.serialNumber(),
                                    v.technicianId(),
                                    v.dealerId(),
                                    parts,
                                    v.fixed(),
                                    v.completedAt()));
                })
                .build();
    }
}
