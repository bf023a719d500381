package dev.aftersales.followup.returncall.application;

import dev.aftersales.followup.casefile.domain.CaseFiles;
import dev.aftersales.followup.returncall.domain.ReturnCalls;
import java.util.List;
import org.springframework.stereotype.Service;

/** The supervisors' list: return calls whose customer could not be reached. */
@Service
public class ListUnreachableCustomers {

    private final ReturnCalls returnCalls;
    private final CaseFiles caseFiles;

    ListUnreachableCustomers(ReturnCalls returnCalls, CaseFiles caseFiles) {
        this.returnCalls = returnCalls;
        this.caseFiles = caseFiles;
    }

    public List<ReturnCallWithCase> list() {
        return returnCalls.unreachable().stream()
                .map(call -> ReturnCallWithCase.of(call, caseFiles))
                .toList();
    }
}
