package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.intake.complaint.domain.Complaint;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The supervisor's list: open cases whose customer has had no answer yet, waiting longest first,
 * page by page (a backlog no longer hides the newest waiting cases behind a cut).
 */
@Service
public class ListWaitingCases {

    /** Where the waiting cases are read from. */
    public interface WaitingCases {

        /** Open unanswered cases in (registeredAt, id) order, oldest first, after the page's position. */
        List<Complaint> waiting(PageRequest page);
    }

    private final WaitingCases cases;

    ListWaitingCases(WaitingCases cases) {
        this.cases = cases;
    }

    public List<Complaint> page(PageRequest page) {
        return cases.waiting(page);
    }
}
