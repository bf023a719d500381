package dev.aftersales.intake.complaint.adapter.kafka;

import dev.aftersales.chassis.events.EventHandler;
import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.intake.complaint.application.RecordCaseProgress;
import dev.aftersales.intake.complaint.application.RecordProgressCommand;
import dev.aftersales.intake.complaint.domain.TimelineEntry;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What intake listens to: every event of the other services that says something about a case,
 * so the hotline can tell a caller what happened since. Other types on those topics are skipped.
 */
@Configuration(proxyBeanMethods = false)
class CaseProgressSubscriptions {

    @Bean
    EventSubscriptions caseProgress(RecordCaseProgress progress) {
        return EventSubscriptions.builder()
                .on(TechnicianAssigned.class, into(progress, TechnicianAssigned::complaintId, TimelineEntries::of))
                .on(AssignmentEscalated.class, into(progress, AssignmentEscalated::complaintId, TimelineEntries::of))
                .on(PartsRequested.class, into(progress, PartsRequested::complaintId, TimelineEntries::of))
                .on(VisitCompleted.class, into(progress, VisitCompleted::complaintId, TimelineEntries::of))
                .on(PartsReserved.class, into(progress, PartsReserved::complaintId, TimelineEntries::of))
                .on(PartsBackordered.class, into(progress, PartsBackordered::complaintId, TimelineEntries::of))
                .on(ReturnCallScheduled.class, into(progress, ReturnCallScheduled::complaintId, TimelineEntries::of))
                .build();
    }

    private static <T> EventHandler<T> into(
            RecordCaseProgress progress, Function<T, String> complaintId, Function<T, TimelineEntry> entry) {
        return (ReceivedEvent<T> event) -> progress.record(new RecordProgressCommand(
                complaintId.apply(event.payload()), event.id(), entry.apply(event.payload())));
    }
}
