package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.time.ScheduledSweep;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A sweep over the cases whose next due time has come. Each case keeps that time in its document; the
 * sweep finds the due ones, lets each case say what fell due, and saves it version-guarded, so a thing
 * falls due exactly once however many instances sweep, and still does after a restart. A case changed
 * meanwhile (an answer, an action done, another instance's sweep) is left to the next sweep, which
 * decides again.
 *
 * @param <T> what falls due in a case
 */
abstract class DueCaseSweep<T> extends ScheduledSweep {

    private static final int BATCH = 200;

    final Complaints complaints;

    DueCaseSweep(String name, Complaints complaints, Clock clock, Duration interval) {
        super(name, interval, clock);
        this.complaints = complaints;
    }

    /** The cases due by {@code now}, at most {@code limit}. */
    abstract List<String> dueBy(Instant now, int limit);

    /** What fell due in {@code complaint} by {@code now}, recorded in it; empty for nothing. */
    abstract List<T> fallDue(Complaint complaint, Instant now);

    /** Counts and logs one thing that fell due, once its case is saved. */
    abstract void report(Complaint complaint, T due);

    /** @return how many things fell due in this sweep */
    @Override
    public int runDue(Instant now) {
        int fallen = 0;
        for (var id : dueBy(now, BATCH)) {
            var complaint = complaints.find(id).orElse(null);
            if (complaint == null) {
                continue;
            }
            var due = fallDue(complaint, now);
            if (due.isEmpty() || !ConflictRetry.unlessOvertaken(() -> complaints.update(complaint))) {
                continue;
            }
            due.forEach(each -> report(complaint, each));
            fallen += due.size();
        }
        return fallen;
    }
}
