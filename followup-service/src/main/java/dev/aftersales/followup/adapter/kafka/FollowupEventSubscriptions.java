package dev.aftersales.followup.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.dispatch.InstallationCorrected;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.contracts.dispatch.PartLine;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.intake.ComplaintClosed;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintReopened;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.followup.care.application.RecordCustomerContact;
import dev.aftersales.followup.casefile.application.UpdateCaseFile;
import dev.aftersales.followup.quality.application.DetectRepeatFailure;
import dev.aftersales.followup.quality.application.UpdateMachine;
import dev.aftersales.followup.returncall.application.ScheduleReturnCall;
import dev.aftersales.followup.returncall.application.ScheduleReturnCallCommand;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Everything follow-up consumes. One event may touch several aggregates (return call, case file,
 * machine, customer); each records the event id in its own save, so a redelivery after a partial
 * failure completes what is missing and repeats nothing.
 */
@Configuration(proxyBeanMethods = false)
class FollowupEventSubscriptions {

    @Bean
    EventSubscriptions followupSubscriptions(
            ScheduleReturnCall scheduleReturnCall,
            UpdateCaseFile caseFile,
            UpdateMachine machine,
            DetectRepeatFailure repeatFailure,
            RecordCustomerContact customerContact) {
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
                    repeatFailure.check(event.id(), c.serialNumber(), c.complaintId(), c.model(), c.registeredAt());
                    if (c.customerId() != null) {
                        customerContact.record(event.id(), c.customerId(), c.registeredAt());
                    }
                })
                .on(ComplaintResolvedByPhone.class, event -> {
                    var r = event.payload();
                    caseFile.apply(event.id(), r.complaintId(), f -> f.step(r.resolvedAt(), "resolved by phone"));
                    scheduleReturnCall.schedule(ScheduleReturnCallCommand.afterPhoneResolution(
                            event.id(), r.complaintId(), r.resolvedAt()));
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
                    var file = caseFile.apply(
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
                    var round =
                            file.roundOfVisit(v.assignmentId(), v.completedAt()).orElse(1);
                    machine.apply(
                            event.id(), v.serialNumber(), m -> m.visitCompleted(v.complaintId(), v.completedAt()));
                    scheduleReturnCall.schedule(ScheduleReturnCallCommand.afterVisit(
                            event.id(), v.assignmentId(), round, v.complaintId(), v.completedAt()));
                })
                .on(InstallationRecorded.class, event -> {
                    var i = event.payload();
                    var installedAt =
                            i.installedOn().atStartOfDay(ZoneOffset.UTC).toInstant();
                    machine.apply(
                            event.id(),
                            i.serialNumber(),
                            m -> m.installed(i.model(), i.productLine(), i.customerId(), i.dealerId()));
                    if (i.customerId() != null) {
                        customerContact.record(event.id(), i.customerId(), installedAt);
                    }
                    scheduleReturnCall.schedule(
                            ScheduleReturnCallCommand.afterInstallation(event.id(), i.serialNumber(), installedAt));
                })
                // The machine's customer may have been corrected; the thank-you call keeps its time.
                .on(InstallationCorrected.class, event -> {
                    var c = event.payload();
                    machine.apply(
                            event.id(),
                            c.serialNumber(),
                            m -> m.corrected(c.revision(), c.model(), c.productLine(), c.customerId(), c.dealerId()));
                })
                .build();
    }
}
