package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.Installations;
import dev.aftersales.dispatch.archive.domain.WarrantyPolicy;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentNotOpenException;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.FeeSchedule;
import dev.aftersales.dispatch.assignment.domain.QuotedPart;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Before the visit the technician quotes the fee: free in warranty (from the archive's
 * installation date and the model's warranty policy), else door fee + labour + the parts expected.
 * A machine the archive does not know has no warranty on record. Raises {@code FeeQuoted}.
 */
@Service
public class QuoteFee {

    private final Assignments assignments;
    private final OwnAssignments own;
    private final Installations installations;
    private final WarrantyPolicy warranties;
    private final FeeSchedule schedule;
    private final Clock clock;
    private final ZoneId businessZone;

    QuoteFee(
            Assignments assignments,
            OwnAssignments own,
            Installations installations,
            WarrantyPolicy warranties,
            FeeSchedule schedule,
            Clock clock,
            DispatchProperties properties) {
        this.businessZone = properties.businessZone();
        this.assignments = assignments;
        this.own = own;
        this.installations = installations;
        this.warranties = warranties;
        this.schedule = schedule;
        this.clock = clock;
    }

    public Assignment quote(String technicianId, String assignmentId, List<QuotedPart> parts) {
        var assignment = own.get(technicianId, assignmentId);
        var warranty = installations
                .bySerialNumber(assignment.serialNumber())
                .map(warranties::warrantyOf)
                .orElse(null);
        var now = clock.instant();
        var quote = schedule.quote(
                warranty,
                // Warranty days are business days.
                LocalDate.ofInstant(now, businessZone),
                assignment.kind() == null ? null : assignment.kind().name(),
                parts,
                now);
        try {
            assignment.quote(quote);
        } catch (AssignmentNotOpenException e) {
            throw new ConflictException(e.getMessage());
        }
        return assignments.save(assignment);
    }
}
