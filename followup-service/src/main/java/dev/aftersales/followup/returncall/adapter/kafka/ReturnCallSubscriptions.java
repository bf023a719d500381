package dev.aftersales.followup.returncall.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.contracts.intake.ResolutionCarriedOut;
import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.returncall.application.ScheduleReturnCall;
import dev.aftersales.followup.returncall.application.ScheduleReturnCallCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The triggers of return calls: a completed visit, a case settled by phone, an agreed resolution
 * carried out, an installation (the thank-you call). Each trigger yields one call, inserted once under an id derived from the trigger.
 */
@Configuration(proxyBeanMethods = false)
class ReturnCallSubscriptions {

    @Bean
    EventSubscriptions returnCallEvents(ScheduleReturnCall scheduleReturnCall, FollowupProperties properties) {
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
                .on(ResolutionCarriedOut.class, event -> {
                    var r = event.payload();
                    scheduleReturnCall.schedule(ScheduleReturnCallCommand.afterResolution(
                            event.id(), r.complaintId(), r.round(), r.carriedOutAt()));
                })
                // The thank-you call keeps its time when the installation is corrected later. It is due when
                // the calling day starts, days after the installation day (business zone). Installations of
                // an installation case get one too; a historical import says none is owed (false).
                .on(InstallationRecorded.class, event -> {
                    var i = event.payload();
                    if (Boolean.FALSE.equals(i.thankYouCall())) {
                        return;
                    }
                    scheduleReturnCall.schedule(ScheduleReturnCallCommand.afterInstallation(
                            event.id(),
                            i.serialNumber(),
                            i.installedOn()
                                    .atTime(properties.callingHoursFrom())
                                    .atZone(properties.businessZone())
                                    .toInstant()));
                })
                .build();
    }
}
