package dev.aftersales.contracts;

import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.followup.ReturnCallScheduled;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the platform: its CloudEvents {@code ce_type}, the topic it travels on and
 * its payload record. A breaking change to a payload is a new entry with a new version, never an
 * edit of an existing one.
 */
public enum EventCatalog {
    COMPLAINT_REGISTERED("intake", ComplaintRegistered.class, Topics.INTAKE_COMPLAINTS),
    TECHNICIAN_ASSIGNED("dispatch", TechnicianAssigned.class, Topics.DISPATCH_ASSIGNMENTS),
    ASSIGNMENT_ESCALATED("dispatch", AssignmentEscalated.class, Topics.DISPATCH_ASSIGNMENTS),
    PARTS_REQUESTED("dispatch", PartsRequested.class, Topics.DISPATCH_ASSIGNMENTS),
    VISIT_COMPLETED("dispatch", VisitCompleted.class, Topics.DISPATCH_ASSIGNMENTS),
    PARTS_RESERVED("parts", PartsReserved.class, Topics.PARTS_RESERVATIONS),
    PARTS_BACKORDERED("parts", PartsBackordered.class, Topics.PARTS_RESERVATIONS),
    RETURN_CALL_SCHEDULED("followup", ReturnCallScheduled.class, Topics.FOLLOWUP);

    private static final Map<String, EventCatalog> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventCatalog::type, Function.identity()));
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

    public static EventCatalog ofPayload(Class<?> payloadType) {
        var entry = BY_PAYLOAD.get(payloadType);
        if (entry == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not an event of the catalog");
        }
        return entry;
    }
}
