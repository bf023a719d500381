package dev.aftersales.intake.complaint.adapter.web;

import dev.aftersales.chassis.paging.Position;
import dev.aftersales.intake.complaint.domain.Complaint;

/** Where a case stands in the case lists' order: its registration time, then its id. */
final class CaseRows {

    private CaseRows() {}

    static Position position(Complaint complaint) {
        return new Position(complaint.registeredAt(), complaint.id());
    }
}
