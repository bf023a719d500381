package dev.aftersales.contracts;

import dev.aftersales.contracts.dispatch.*;
import dev.aftersales.contracts.followup.*;
import dev.aftersales.contracts.intake.*;
import dev.aftersales.contracts.parts.*;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the platform: its CloudEvents {@code ce_type}, the topic it travels on and
 * its payload record. A breaking change to a payload is a new entry with a new version, never an
 * edit of an existing one.
 */
public enum EventCatalog {
    // intake.complaints.v1
    COMPLAINT_REGISTERED("intake", ComplaintRegistered.class, Topics.INTAKE_COMPLAINTS),
    COMPLAINT_ESCALATED("intake", ComplaintEscalated.class, Topics.INTAKE_COMPLAINTS),
    COMPLAINT_RESOLVED_BY_PHONE("intake", ComplaintResolvedByPhone.class, Topics.INTAKE_COMPLAINTS),
    SLA_BREACHED("intake", SlaBreached.class, Topics.INTAKE_COMPLAINTS),
    RESOLUTION_AGREED("intake", ResolutionAgreed.class, Topics.INTAKE_COMPLAINTS),
    COMPLAINT_REOPENED("intake", ComplaintReopened.class, Topics.INTAKE_COMPLAINTS),
    COMPLAINT_CLOSED("intake", ComplaintClosed.class, Topics.INTAKE_COMPLAINTS),
    PRIORITY_CHANGED("intake", PriorityChanged.class, Topics.INTAKE_COMPLAINTS),
    RESOLUTION_ACTION_DONE("intake", ResolutionActionDone.class, Topics.INTAKE_COMPLAINTS),
    RESOLUTION_ACTION_OVERDUE("intake", ResolutionActionOverdue.class, Topics.INTAKE_COMPLAINTS),
    RESOLUTION_CARRIED_OUT("intake", ResolutionCarriedOut.class, Topics.INTAKE_COMPLAINTS),
    GOODWILL_RECORDED("intake", GoodwillRecorded.class, Topics.INTAKE_COMPLAINTS),
    COMPLAINT_CANCELLED("intake", ComplaintCancelled.class, Topics.INTAKE_COMPLAINTS),
    REPEAT_CALL_LOGGED("intake", RepeatCallLogged.class, Topics.INTAKE_COMPLAINTS),
    // dispatch.archive.v1
    INSTALLATION_RECORDED("dispatch", InstallationRecorded.class, Topics.DISPATCH_ARCHIVE),
    INSTALLATION_CORRECTED("dispatch", InstallationCorrected.class, Topics.DISPATCH_ARCHIVE),
    // dispatch.customers.v1
    CUSTOMER_RECORDED("dispatch", CustomerRecorded.class, Topics.DISPATCH_CUSTOMERS),
    CUSTOMER_CHANGED("dispatch", CustomerChanged.class, Topics.DISPATCH_CUSTOMERS),
    CUSTOMERS_MERGED("dispatch", CustomersMerged.class, Topics.DISPATCH_CUSTOMERS),
    CUSTOMER_ERASED("dispatch", CustomerErased.class, Topics.DISPATCH_CUSTOMERS),
    // dispatch.assignments.v1
    TECHNICIAN_ASSIGNED("dispatch", TechnicianAssigned.class, Topics.DISPATCH_ASSIGNMENTS),
    ASSIGNMENT_ESCALATED("dispatch", AssignmentEscalated.class, Topics.DISPATCH_ASSIGNMENTS),
    ASSIGNMENT_ACCEPTED("dispatch", AssignmentAccepted.class, Topics.DISPATCH_ASSIGNMENTS),
    ASSIGNMENT_DECLINED("dispatch", AssignmentDeclined.class, Topics.DISPATCH_ASSIGNMENTS),
    FEE_QUOTED("dispatch", FeeQuoted.class, Topics.DISPATCH_ASSIGNMENTS),
    APPOINTMENT_SET("dispatch", AppointmentSet.class, Topics.DISPATCH_ASSIGNMENTS),
    APPOINTMENT_RESCHEDULED("dispatch", AppointmentRescheduled.class, Topics.DISPATCH_ASSIGNMENTS),
    APPOINTMENT_BROKEN("dispatch", AppointmentBroken.class, Topics.DISPATCH_ASSIGNMENTS),
    TECHNICIAN_ARRIVED("dispatch", TechnicianArrived.class, Topics.DISPATCH_ASSIGNMENTS),
    PARTS_REQUESTED("dispatch", PartsRequested.class, Topics.DISPATCH_ASSIGNMENTS),
    VISIT_COMPLETED("dispatch", VisitCompleted.class, Topics.DISPATCH_ASSIGNMENTS),
    ASSIGNMENT_CANCELLED("dispatch", AssignmentCancelled.class, Topics.DISPATCH_ASSIGNMENTS),
    // parts.reservations.v1
    PARTS_RESERVED("parts", PartsReserved.class, Topics.PARTS_RESERVATIONS),
    PARTS_BACKORDERED("parts", PartsBackordered.class, Topics.PARTS_RESERVATIONS),
    TRANSFER_REQUESTED("parts", TransferRequested.class, Topics.PARTS_RESERVATIONS),
    TRANSFER_SHIPPED("parts", TransferShipped.class, Topics.PARTS_RESERVATIONS),
    TRANSFER_RECEIVED("parts", TransferReceived.class, Topics.PARTS_RESERVATIONS),
    RESERVATION_RELEASED("parts", ReservationReleased.class, Topics.PARTS_RESERVATIONS),
    REPLACEMENT_RESERVED("parts", ReplacementReserved.class, Topics.PARTS_RESERVATIONS),
    REPLACEMENT_BACKORDERED("parts", ReplacementBackordered.class, Topics.PARTS_RESERVATIONS),
    REPLACEMENT_SHIPPED("parts", ReplacementShipped.class, Topics.PARTS_RESERVATIONS),
    // parts.stock.v1
    STOCK_LOW("parts", StockLow.class, Topics.PARTS_STOCK),
    STOCK_REPLENISHED("parts", StockReplenished.class, Topics.PARTS_STOCK),
    // followup.v1
    RETURN_CALL_SCHEDULED("followup", ReturnCallScheduled.class, Topics.FOLLOWUP),
    RETURN_CALL_MADE("followup", ReturnCallMade.class, Topics.FOLLOWUP),
    CUSTOMER_UNREACHABLE("followup", CustomerUnreachable.class, Topics.FOLLOWUP),
    SURVEY_ANSWERED("followup", SurveyAnswered.class, Topics.FOLLOWUP),
    CUSTOMER_SATISFIED("followup", CustomerSatisfied.class, Topics.FOLLOWUP),
    CUSTOMER_DISSATISFIED("followup", CustomerDissatisfied.class, Topics.FOLLOWUP),
    FOLLOWUP_ESCALATED("followup", FollowupEscalated.class, Topics.FOLLOWUP),
    REPEAT_FAILURE_DETECTED("followup", RepeatFailureDetected.class, Topics.FOLLOWUP);

    private static final Map<String, EventCatalog> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventCatalog::type, Function.identity()));
    /** Every topic has one producer: the service of all the types that travel on it. */
    private static final Map<String, String> OWNER_BY_TOPIC = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventCatalog::topic, EventCatalog::service, (a, b) -> {
                if (!a.equals(b)) {
                    throw new IllegalStateException("a topic with two producers: " + a + ", " + b);
                }
                return a;
            }));

    private static final Map<Class<?>, EventCatalog> BY_PAYLOAD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventCatalog::payloadType, Function.identity()));

    private final String service;
    private final String type;
    private final Class<? extends Record> payloadType;
    private final String topic;

    EventCatalog(String service, Class<? extends Record> payloadType, String topic) {
        this.service = service;
        this.type = "aftersales." + service + "." + payloadType.getSimpleName() + ".v1";
        this.payloadType = payloadType;
        this.topic = topic;
    }

    /** The {@code ce_type} header value, e.g. {@code aftersales.intake.ComplaintRegistered.v1}. */
    public String type() {
        return type;
    }

    /** The producing service, e.g. {@code intake}; also the {@code ce_source} path. */
    public String service() {
        return service;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    public String topic() {
        return topic;
    }

    /** Unknown types are not an error: consumers skip types they do not know. */
    public static Optional<EventCatalog> ofType(String ceType) {
        return Optional.ofNullable(BY_TYPE.get(ceType));
    }

    /**
     * The service that produces {@code topic}, e.g. {@code intake} for {@code intake.complaints.v1}:
     * the only one allowed to write it, and the {@code ce_source} ({@code /aftersales/<service>}) of
     * every record on it.
     */
    public static Optional<String> ownerOf(String topic) {
        return Optional.ofNullable(OWNER_BY_TOPIC.get(topic));
    }

    /** The topics {@code service} produces. */
    public static SortedSet<String> topicsOf(String service) {
        return OWNER_BY_TOPIC.entrySet().stream()
                .filter(e -> e.getValue().equals(service))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The {@code ce_source} of the events {@code service} produces. */
    public static String sourceOf(String service) {
        return "/aftersales/" + service;
    }

    public static EventCatalog ofPayload(Class<?> payloadType) {
        var entry = BY_PAYLOAD.get(payloadType);
        if (entry == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not an event of the catalog");
        }
        return entry;
    }

    /** The entry whose payload record is called {@code simpleName}, e.g. {@code ComplaintRegistered}. */
    public static Optional<EventCatalog> ofPayloadName(String simpleName) {
        return Arrays.stream(values())
                .filter(e -> e.payloadType.getSimpleName().equals(simpleName))
                .findFirst();
    }
}
