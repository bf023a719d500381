package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.events.ReceivedEvent;
import dev.aftersales.contracts.intake.RepeatCallLogged;
import dev.aftersales.dispatch.assignment.domain.KnownCases;
import org.springframework.stereotype.Service;

/**
 * The customer called again about an open case: the technician's brief shows how often. The count
 * only grows (the store keeps the higher of two), so a redelivery changes nothing.
 */
@Service
public class RecordRepeatCall {

    private final KnownCases knownCases;

    RecordRepeatCall(KnownCases knownCases) {
        this.knownCases = knownCases;
    }

    public void record(ReceivedEvent<RepeatCallLogged> event) {
        var logged = event.payload();
        knownCases.recordCalls(logged.complaintId(), logged.callCount());
    }
}
