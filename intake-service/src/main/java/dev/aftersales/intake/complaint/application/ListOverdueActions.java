package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.intake.complaint.domain.Complaint;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The supervisor's list: actions of agreed resolutions past their promised time and still not done,
 * page by page. A page is of cases, oldest case first (an order that no action done or overdue
 * meanwhile can shift, so a walk shows each case once), each case's overdue actions together,
 * promised earliest first.
 */
@Service
public class ListOverdueActions {

    /** Where the cases with overdue actions are read from. */
    public interface OverdueCases {

        /** Cases with overdue actions in (registeredAt, id) order, oldest first, after the page's position. */
        List<Complaint> withOverdueActions(PageRequest page);
    }

    /** One overdue action and the case it belongs to. */
    public record Overdue(Complaint complaint, ResolutionAction action, Instant overdueAt) {}

    private final OverdueCases cases;

    ListOverdueActions(OverdueCases cases) {
        this.cases = cases;
    }

    /** Up to {@code limit + 1} cases ({@link dev.aftersales.chassis.paging.Keyset}). */
    public List<Complaint> page(PageRequest page) {
        return cases.withOverdueActions(page);
    }

    /** A case's overdue actions, promised earliest first. */
    public static List<Overdue> of(Complaint complaint) {
        return complaint.overdueActions().stream()
                .map(a -> new Overdue(
                        complaint,
                        a,
                        complaint.resolution().progressOf(a.actionId()).overdueAt()))
                .sorted(Comparator.comparing(o -> o.action().promisedBy()))
                .toList();
    }
}
