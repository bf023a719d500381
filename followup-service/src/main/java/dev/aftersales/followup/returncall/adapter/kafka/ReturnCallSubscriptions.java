package dev.aftersales.followup.returncall.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.followup.returncall.application.ScheduleReturnCall;
import dev.aftersales.followup.returncall.application.ScheduleReturnCallCommand;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The triggers of return calls: a completed visit, a case settled by phone, an installation (the
 * thank-you call). Each trigger yields one call, inserted once under an id derived from the trigger.
 */
@Configuration(proxyBeanMethods = false)
class ReturnCallSubscriptions {

    @Bean
    EventSubscriptions returnCallEvents(ScheduleReturnCall scheduleReturnCall) {
        return EventSubscriptions.builder()
                .on(VisitCompleted.class, event -> {
                    var v = event.payload();
                    scheduleReturnCall.schedule(ScheduleReturnCallCommand.afterVisit(
                            event.id(), v.assignmentId(), v.complaintId(), v.completedAt()));
                })
                .on(ComplaintResolvedByPhone.class, event -> {
                    var r = event.payload();
                    scheduleReturnCall.schedule(ScheduleReturnCallCommand.afterPhoneResolution(
                            event.id(), r.complaintId(), r.resolvedAt()));
                })
                // The thank-you call keeps its time when the installation is corrected later.
                .on(InstallationRecorded.class, event -> {
                    var i = event.payload();
                    scheduleReturnCall.schedule(ScheduleReturnCallCommand.afterInstallation(
                            event.id(),
                            i.serialNumber(),
                            i.installedOn().atStartOfDay(ZoneOffset.UTC).toInstant()));
                })
                .build();
    }
}
