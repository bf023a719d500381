package dev.aftersales.intake.complaint.application;

import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** The supervisor's list: actions of agreed resolutions past their promised time and still not done. */
@Service
public class ListOverdueActions {

    static final int LIMIT = 500;

    /** One overdue action and the case it belongs to. */
    public record Overdue(Complaint complaint, ResolutionAction action, Instant overdueAt) {}

    private final Complaints complaints;

    ListOverdueActions(Complaints complaints) {
        this.complaints = complaints;
    }

    /** Promised earliest first. */
    public List<Overdue> list() {
        return complaints.withOverdueActions(LIMIT).stream()
                .flatMap(c -> c.overdueActions().stream()
                        .map(a -> new Overdue(
                                c, a, c.resolution().progressOf(a.actionId()).overdueAt())))
                .sorted(Comparator.comparing(o -> o.action().promisedBy()))
                .limit(LIMIT)
                .toList();
    }
}
