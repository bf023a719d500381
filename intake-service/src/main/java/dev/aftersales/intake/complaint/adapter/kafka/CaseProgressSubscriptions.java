package dev.aftersales.intake.complaint.adapter.kafka;

import dev.aftersales.chassis.events.EventHandler;
import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.dispatch.AppointmentBroken;
import dev.aftersales.contracts.dispatch.AppointmentRescheduled;
import dev.aftersales.contracts.dispatch.AppointmentSet;
import dev.aftersales.contracts.dispatch.AssignmentAccepted;
import dev.aftersales.contracts.dispatch.AssignmentCancelled;
import dev.aftersales.contracts.dispatch.AssignmentDeclined;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.FeeQuoted;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.TechnicianArrived;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.followup.CustomerDissatisfied;
import dev.aftersales.contracts.followup.CustomerSatisfied;
import dev.aftersales.contracts.followup.CustomerUnreachable;
import dev.aftersales.contracts.followup.FollowupEscalated;
import dev.aftersales.contracts.followup.ReturnCallMade;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import dev.aftersales.contracts.followup.SurveyAnswered;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import dev.aftersales.contracts.parts.ReplacementBackordered;
import dev.aftersales.contracts.parts.ReplacementReserved;
import dev.aftersales.contracts.parts.ReplacementShipped;
import dev.aftersales.contracts.parts.ReservationReleased;
import dev.aftersales.contracts.parts.TransferReceived;
import dev.aftersales.contracts.parts.TransferRequested;
import dev.aftersales.contracts.parts.TransferShipped;
import dev.aftersales.intake.complaint.application.RecordCaseProgress;
import dev.aftersales.intake.complaint.application.RecordProgressCommand;
import dev.aftersales.intake.complaint.application.RecordProgressCommand.Effect;
import dev.aftersales.intake.complaint.domain.TimelineEntry;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case file's door: every event of dispatch, parts and follow-up that says something about a
 * case, so the hotline can tell a caller what happened since. Other types on those topics are skipped.
 */
@Configuration(proxyBeanMethods = false)
class CaseProgressSubscriptions {

    @Bean
    EventSubscriptions caseProgress(RecordCaseProgress progress) {
        return EventSubscriptions.builder()
                .on(TechnicianAssigned.class, into(progress, TechnicianAssigned::complaintId, TimelineEntries::of))
                .on(AssignmentEscalated.class, into(progress, AssignmentEscalated::complaintId, TimelineEntries::of))
                .on(AssignmentAccepted.class, into(progress, AssignmentAccepted::complaintId, TimelineEntries::of))
                .on(AssignmentDeclined.class, into(progress, AssignmentDeclined::complaintId, TimelineEntries::of))
                .on(FeeQuoted.class, into(progress, FeeQuoted::complaintId, TimelineEntries::of))
                .on(
                        AppointmentSet.class,
                        into(progress, AppointmentSet::complaintId, TimelineEntries::of, Effect.ANSWERED))
                .on(
                        AppointmentRescheduled.class,
                        into(progress, AppointmentRescheduled::complaintId, TimelineEntries::of))
                .on(AppointmentBroken.class, into(progress, AppointmentBroken::complaintId, TimelineEntries::of))
                .on(
                        TechnicianArrived.class,
                        into(progress, TechnicianArrived::complaintId, TimelineEntries::of, Effect.ON_SITE))
                .on(PartsRequested.class, into(progress, PartsRequested::complaintId, TimelineEntries::of))
                .on(VisitCompleted.class, (ReceivedEvent<VisitCompleted> event) -> {
                    var e = event.payload();
                    // A revisit of an agreed resolution carries the action it carried out.
                    progress.record(
                            e.resolutionActionId() == null
                                    ? new RecordProgressCommand(
                                            e.complaintId(), event.id(), TimelineEntries.of(e), Effect.NONE, 0, null)
                                    : RecordProgressCommand.ofAction(
                                            e.complaintId(),
                                            event.id(),
                                            TimelineEntries.of(e),
                                            Effect.ACTION_DONE,
                                            e.resolutionActionId(),
                                            e.assignmentId(),
                                            e.technicianId()));
                })
                .on(AssignmentCancelled.class, into(progress, AssignmentCancelled::complaintId, TimelineEntries::of))
                .on(ReplacementReserved.class, into(progress, ReplacementReserved::complaintId, TimelineEntries::of))
                .on(
                        ReplacementBackordered.class,
                        into(progress, ReplacementBackordered::complaintId, TimelineEntries::of))
                .on(ReplacementShipped.class, (ReceivedEvent<ReplacementShipped> event) -> {
                    var e = event.payload();
                    progress.record(RecordProgressCommand.ofAction(
                            e.complaintId(),
                            event.id(),
                            TimelineEntries.of(e),
                            Effect.GOODS_SHIPPED,
                            e.actionId(),
                            e.waybill(),
                            e.shippedBy()));
                })
                .on(PartsReserved.class, into(progress, PartsReserved::complaintId, TimelineEntries::of))
                .on(PartsBackordered.class, into(progress, PartsBackordered::complaintId, TimelineEntries::of))
                .on(TransferRequested.class, into(progress, TransferRequested::complaintId, TimelineEntries::of))
                .on(TransferShipped.class, into(progress, TransferShipped::complaintId, TimelineEntries::of))
                .on(TransferReceived.class, into(progress, TransferReceived::complaintId, TimelineEntries::of))
                .on(ReservationReleased.class, into(progress, ReservationReleased::complaintId, TimelineEntries::of))
                .on(ReturnCallScheduled.class, into(progress, ReturnCallScheduled::complaintId, TimelineEntries::of))
                .on(ReturnCallMade.class, into(progress, ReturnCallMade::complaintId, TimelineEntries::of))
                .on(CustomerUnreachable.class, into(progress, CustomerUnreachable::complaintId, TimelineEntries::of))
                .on(SurveyAnswered.class, into(progress, SurveyAnswered::complaintId, TimelineEntries::of))
                .on(FollowupEscalated.class, into(progress, FollowupEscalated::complaintId, TimelineEntries::of))
                .on(CustomerSatisfied.class, (ReceivedEvent<CustomerSatisfied> event) -> {
                    var e = event.payload();
                    progress.record(new RecordProgressCommand(
                            e.complaintId(), event.id(), TimelineEntries.of(e), Effect.SATISFIED, e.round(), null));
                })
                .on(CustomerDissatisfied.class, (ReceivedEvent<CustomerDissatisfied> event) -> {
                    var e = event.payload();
                    progress.record(new RecordProgressCommand(
                            e.complaintId(),
                            event.id(),
                            TimelineEntries.of(e),
                            Effect.DISSATISFIED,
                            e.round(),
                            e.reason()));
                })
                .build();
    }

    private static <T> EventHandler<T> into(
            RecordCaseProgress progress, Function<T, String> complaintId, Function<T, TimelineEntry> entry) {
        return into(progress, complaintId, entry, Effect.NONE);
    }

    private static <T> EventHandler<T> into(
            RecordCaseProgress progress,
            Function<T, String> complaintId,
            Function<T, TimelineEntry> entry,
            Effect effect) {
        return (ReceivedEvent<T> event) -> progress.record(new RecordProgressCommand(
                complaintId.apply(event.payload()), event.id(), entry.apply(event.payload()), effect, 0, null));
    }
}
