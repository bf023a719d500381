package dev.aftersales.followup.returncall.application;

import dev.aftersales.followup.casefile.domain.CaseFile;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import java.util.Optional;

/**
 * A return call as the agent gets it: the call and its case file (machine, who served the case, the
 * satisfaction round, what happened), so that the agent can talk to the customer about their case.
 *
 * @param caseFile empty until an event of the case reached follow-up (a thank-you call has none)
 */
public record ReturnCallWithCase(ReturnCall call, Optional<CaseFile> caseFile) {

    static ReturnCallWithCase of(ReturnCall call, CaseFiles caseFiles) {
        return new ReturnCallWithCase(call, caseFiles.find(call.complaintId()));
    }
}
