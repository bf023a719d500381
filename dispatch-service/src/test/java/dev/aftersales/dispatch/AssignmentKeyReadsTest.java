package dev.aftersales.dispatch;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.assignedToOriginalInstaller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.QueryShapes;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A complaint's and a machine's assignments (asked for by every PriorityChanged, closed or settled
 * case, and completed visit) are read by key, so their cost does not grow with the assignments stored:
 * the embedded store scans for any filter but {@code _id} or a unique index's fields.
 */
@ServiceSliceTest
class AssignmentKeyReadsTest {

    @Autowired
    Assignments assignments;

    @Test
    void a_complaints_and_a_machines_assignments_are_read_by_key() {
        var now = Instant.parse("2026-11-30T08:00:00Z");
        assignments.add(assignedToOriginalInstaller("C-KEY-1", "SN-KEY-1", now));
        assignments.add(assignedToOriginalInstaller("C-KEY-2", "SN-KEY-1", now.plusSeconds(60)));
        assignments.add(assignedToOriginalInstaller("C-KEY-3", "SN-KEY-2", now));

        var captured = new QueryShapes();
        var ofComplaint = QueryShapes.capture(captured, () -> assignments.ofComplaint("C-KEY-2"));
        var ofMachine = QueryShapes.capture(captured, () -> assignments.ofMachine("SN-KEY-1"));
        var unknown = QueryShapes.capture(captured, () -> assignments.ofComplaint("C-KEY-NONE"));

        assertThat(ofComplaint).extracting(Assignment::complaintId).containsExactly("C-KEY-2");
        assertThat(ofMachine).extracting(Assignment::complaintId).containsExactly("C-KEY-1", "C-KEY-2");
        assertThat(unknown).isEmpty();
        assertThat(captured.shapes()).isNotEmpty();
        assertThat(captured.notByKey())
                .as("reads that scan on the embedded store:%s", QueryShapes.describe(captured.notByKey()))
                .isEmpty();
        assertThat(List.of(ofComplaint, ofMachine))
                .allSatisfy(found -> assertThat(found).isNotEmpty());
    }
}
