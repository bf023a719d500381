package dev.aftersales.followup.returncall.application;

import dev.aftersales.followup.casefile.domain.CaseFiles;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;

/** The agents' work list: open return calls due by now plus a look-ahead, the longest-due first. */
@Service
public class ListDueReturnCalls {

    private final ReturnCalls returnCalls;
    private final CaseFiles caseFiles;
    private final Clock clock;

    ListDueReturnCalls(ReturnCalls returnCalls, CaseFiles caseFiles, Clock clock) {
        this.returnCalls = returnCalls;
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    /** @param within how far ahead to look; negative lists only calls overdue by at least that much */
    public List<ReturnCallWithCase> dueWithin(Duration within) {
        return returnCalls.dueBy(clock.instant().plus(within)).stream()
                .map(call -> ReturnCallWithCase.of(call, caseFiles))
                .toList();
    }
}
