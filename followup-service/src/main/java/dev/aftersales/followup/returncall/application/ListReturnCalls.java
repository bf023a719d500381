package dev.aftersales.followup.returncall.application;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.followup.casefile.domain.CaseFiles;
import dev.aftersales.followup.returncall.domain.ReturnCallStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The agents' work list (calls due) and the supervisors' list (customers who could not be reached), by
 * due time and agent, a page at a time.
 *
 * <p>Whoever made a call's first try follows it: an AGENT who names no agent sees the calls they hold
 * and those nobody has tried yet (the pool they take from), may name themselves to see only theirs, and
 * may not list another agent's; a SUPERVISOR sees every agent's, or the one named.
 */
@Service
public class ListReturnCalls {

    /**
     * @param status DUE or UNREACHABLE
     * @param dueFrom inclusive, null for no lower bound
     * @param dueBefore exclusive, null for no upper bound
     * @param agent the agent whose calls; null for everyone's
     * @param orUntried with {@code agent}: also the calls nobody has tried yet
     */
    public record Filter(ReturnCallStatus status, Instant dueFrom, Instant dueBefore, String agent, boolean orUntried) {

        /** What a page's cursor is sealed to besides the door's own parameters. */
        public Map<String, Object> asMap() {
            var map = new LinkedHashMap<String, Object>();
            map.put("status", status);
            map.put("agent", agent);
            map.put("orUntried", orUntried);
            return map;
        }

        /** The filter as an export's audit entry names it: ids and times only. */
        public Map<String, String> audited() {
            var map = new LinkedHashMap<String, String>();
            map.put("status", status.name());
            if (dueFrom != null) {
                map.put("dueFrom", dueFrom.toString());
            }
            if (dueBefore != null) {
                map.put("dueBefore", dueBefore.toString());
            }
            if (agent != null) {
                map.put("agent", agent);
            }
            if (orUntried) {
                map.put("orUntried", "true");
            }
            return map;
        }
    }

    private final ReturnCallPages pages;
    private final CaseFiles caseFiles;

    ListReturnCalls(ReturnCallPages pages, CaseFiles caseFiles) {
        this.pages = pages;
        this.caseFiles = caseFiles;
    }

    /**
     * The list as {@code caller} may read it: a period that is not reversed, and an agent's own calls.
     *
     * @param agent the agent the caller asked for, null for none
     * @throws InvalidRequestException naming {@code to} when the period ends before it starts
     * @throws AccessDeniedException when an agent asks for another agent's calls
     */
    public Filter scoped(ReturnCallStatus status, Instant dueFrom, Instant dueBefore, String agent, Caller caller) {
        if (dueFrom != null && dueBefore != null && dueBefore.isBefore(dueFrom)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (caller.has(Role.SUPERVISOR)) {
            return new Filter(status, dueFrom, dueBefore, agent, false);
        }
        if (agent != null && !agent.equals(caller.userId())) {
            throw new AccessDeniedException("an agent lists the return calls they hold");
        }
        return new Filter(status, dueFrom, dueBefore, caller.userId(), agent == null);
    }

    /** One page of calls, each with its case file. */
    public List<ReturnCallWithCase> page(Filter filter, PageRequest page) {
        return pages.matching(filter, page).stream()
                .map(call -> ReturnCallWithCase.of(call, caseFiles))
                .toList();
    }
}
