package dev.aftersales.followup.returncall.adapter.kafka;

import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.followup.returncall.application.ScheduleReturnCall;
import dev.aftersales.followup.returncall.application.ScheduleReturnCallCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What follow-up consumes from dispatch's assignment stream; every other type there is skipped. */
@Configuration(proxyBeanMethods = false)
class DispatchEventSubscriptions {

    @Bean
    EventSubscriptions followupSubscriptions(ScheduleReturnCall scheduleReturnCall) {
        return EventSubscriptions.builder()
                .on(VisitCompleted.class, event -> {
                    var visit = event.payload();
                    scheduleReturnCall.schedule(new ScheduleReturnCallCommand(
                            event.id(), visit.assignmentId(), visit.complaintId(), visit.completedAt()));
                })
                .build();
    }
}
