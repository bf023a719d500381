package dev.aftersales.dispatch.assignment.adapter.web;

import dev.aftersales.chassis.paging.Position;
import dev.aftersales.dispatch.assignment.domain.Assignment;

/** Where an assignment stands in the assignment lists' order: its decision time, then its id. */
final class AssignmentRows {

    private AssignmentRows() {}

    static Position position(Assignment assignment) {
        return new Position(assignment.decidedAt(), assignment.id());
    }
}
